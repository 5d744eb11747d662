using OrleansEvents.Queries;
using System.Text.Json;

namespace OrleansEvents.Storage.Sqlite;

internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    /// <summary>Registered on every connection: <see cref="TextSearch.Matches"/> over message, event type and context.</summary>
    public const string SearchFunction = "oe_search";

    /// <summary>Registered on every connection: <see cref="ContextValueRule.Matches(System.Text.Json.JsonElement?, string, string)"/> over context.</summary>
    public const string ContextEqualsFunction = "oe_context_equals";

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

    // events_search (sql/sqlite/009) is an FTS5 trigram index of the searched texts: a quoted phrase of
    // three characters or more finds every candidate among the rows indexed so far, the rows after them
    // (sql/sqlite/011) are candidates all, and the rule itself then decides. Trigrams cannot find less, so
    // a shorter q is the rule alone, row by row.
    public override string Search(string q, SqlArguments arguments)
    {
        var rule = SearchRowByRow(q, arguments);
        return q.EnumerateRunes().Count() >= 3
            ? $"id IN (SELECT rowid FROM events_search WHERE events_search MATCH {arguments.Add(Phrase(q))} " +
              $"UNION ALL SELECT id FROM events WHERE id > (SELECT indexed_through FROM search_backlog)) AND {rule}"
            : rule;
    }

    // The rule alone, row by row.
    public override string SearchRowByRow(string q, SqlArguments arguments) => $"{SearchFunction}(message, event_type, context, {arguments.Add(q)})";

    // SQLite plans q from the FTS5 match set as it is; the subquery is flattened away.
    public override string Fence => string.Empty;

    // A row of a walk costs a call into .NET that parses the context, more than a match of the FTS5
    // index costs: SQLite asks the index straight away.
    public override bool WalksBeforeTextIndex => false;

    public override string ContextEquals(string key, string value, SqlArguments arguments) =>
        $"{ContextEqualsFunction}(context, {arguments.Add(key)}, {arguments.Add(value)})";

    private static string Phrase(string q) => "\"" + q.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
