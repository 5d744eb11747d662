using OrleansEvents.Queries;
using System.Text.Json;

namespace OrleansEvents.Storage.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    /// <summary>Registered on every connection: case-insensitive containment with .NET's rules, beyond SQLite's ASCII-only LIKE.</summary>
    public const string ContainsFunction = "oe_contains";

    // One writer at a time: a batch commits entirely before the next one takes ids.
    public override string OnlySettledTransactions => string.Empty;

    public override object Time(DateTimeOffset value) => SqliteTime.ToMicroseconds(value);

    public override DateTimeOffset ReadTime(object value) => SqliteTime.FromMicroseconds(Convert.ToInt64(value));

    public override object TransactionId(ulong value) => (long)value;

    public override string TransactionIdParameter(string placeholder) => placeholder;

    // Times are microseconds since the epoch; integer division rounds down for the non-negative differences asked for.
    public override string HoursSince(string column, string startPlaceholder) => $"(({column} - {startPlaceholder}) / 3600000000)";

    public override string Json(string placeholder) => placeholder;

    // -> with a label (not a $ path) reads that member and answers JSON text, as PostgreSQL's -> does.
    public override string JsonMemberText(string column, string keyPlaceholder) => $"({column} -> {keyPlaceholder})";

    // A batch's transaction id is the first id it takes, so the next one is at most the next id.
    public override string LogBoundsSql =>
        "SELECT s + 1, s FROM (SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0) AS s)";

    // SQLite takes at most 32 766 parameters a statement: a long list goes as one JSON array instead.
    protected override string AnyOfSome<T>(string column, IReadOnlyCollection<T> values, SqlArguments arguments) =>
        values.Count <= LongList
            ? $"{column} IN ({string.Join(", ", values.Select(v => arguments.Add(v)))})"
            : $"{column} IN (SELECT value FROM json_each({arguments.Add(JsonSerializer.Serialize(values))}))";

    private const int LongList = 500;

    public override string Contains(string column, string text, SqlArguments arguments) =>
        $"{ContainsFunction}({column}, {arguments.Add(text)})";
}
