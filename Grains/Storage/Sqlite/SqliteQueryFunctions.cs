using System.Text.Json;
using Microsoft.Data.Sqlite;
using OrleansEvents.Queries;

namespace OrleansEvents.Storage.Sqlite;

/// <summary>
/// The query rules as SQL functions of every connection, so SQLite answers q and context.k=v with the
/// very code live subscribers match by, not with a second reading of it in SQL.
/// </summary>
internal static class SqliteQueryFunctions
{
    public static void Register(SqliteConnection connection)
    {
        connection.CreateFunction<string, string, string?, string, bool>(SqliteDialect.SearchFunction, Search, isDeterministic: true);
        connection.CreateFunction<string?, string, string, bool>(SqliteDialect.ContextEqualsFunction, ContextEquals, isDeterministic: true);
    }

    // Stored contexts were compacted by the validator, so they always parse; the message is cheaper to look at first.
    private static bool Search(string message, string eventType, string? context, string q)
    {
        if (TextSearch.Contains(message, q) || TextSearch.Contains(eventType, q))
        {
            return true;
        }

        if (context is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(context);
        return TextSearch.ContextContains(document.RootElement, q);
    }

    private static bool ContextEquals(string? context, string key, string value)
    {
        if (context is null)
        {
            return false;
        }

        using var document = JsonDocument.Parse(context);
        return ContextValueRule.Matches(document.RootElement, key, value);
    }
}
