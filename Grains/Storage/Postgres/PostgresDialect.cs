using OrleansEvents.Queries;
using System.Globalization;
using System.Text.Json;

namespace OrleansEvents.Storage.Postgres;

internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string OnlySettledTransactions => "AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())";

    public override object Time(DateTimeOffset value) => value.ToUniversalTime();

    public override string HoursSince(string column, string startPlaceholder) =>
        $"floor(extract(epoch from ({column} - {startPlaceholder})) / 3600)::integer";

    public override DateTimeOffset ReadTime(object value) => value switch
    {
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        DateTimeOffset dateTimeOffset => dateTimeOffset,
        _ => throw new InvalidCastException($"Not a timestamp: {value.GetType()}"),
    };

    // xid8 has no .NET twin that every driver version agrees on; its text form is exact.
    public override object TransactionId(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    public override string TransactionIdParameter(string placeholder) => $"CAST(CAST({placeholder} AS text) AS xid8)";

    public override string Json(string placeholder) => $"CAST({placeholder} AS jsonb)";

    public override string JsonMemberText(string column, string keyPlaceholder) => $"CAST({column} -> CAST({keyPlaceholder} AS text) AS text)";

    // The snapshot's xmax is the first transaction id not yet handed out. The sequence's last value is
    // null until its first use (and, on newer servers, to a role without rights on it): the newest row
    // stands in then, which only errs towards calling a cursor of a deleted newest event unknown.
    public override string LogBoundsSql =>
        "SELECT pg_snapshot_xmax(pg_current_snapshot()), greatest(" +
        "coalesce(pg_sequence_last_value(pg_get_serial_sequence('events', 'id')), 0), coalesce((SELECT max(id) FROM events), 0))";

    protected override string AnyOfSome<T>(string column, IReadOnlyCollection<T> values, SqlArguments arguments) =>
        $"{column} = ANY({arguments.Add(values.ToArray())})";

    // OFFSET 0 keeps a subquery from being merged into the outer query (and its ORDER BY … LIMIT).
    public override string Fence => " OFFSET 0";

    public override bool WalksBeforeTextIndex => true;

    // search_text (sql/postgres/009) holds the searched texts with A–Z folded, joined by the separator.
    // The trigram index (sql/postgres/010) holds it with punctuation spelled as letters, and the q spelled
    // the same way finds a superset of the matches there, which strpos then checks exactly. A q spelled
    // shorter than a trigram has nothing for the index to look up: it is checked row by row. Only a q
    // holding the separator is checked text by text.
    public override string Search(string q, SqlArguments arguments)
    {
        var spelled = Spelled(TextSearch.Fold(q));
        var found = SearchRowByRow(q, arguments);
        return spelled.Length < 3 ? found : $"oe_search_trigrams(search_text) LIKE {arguments.Add("%" + EscapeLike(spelled) + "%")} ESCAPE '\\' AND {found}";
    }

    // strpos finds the same substrings as LIKE '%q%' (search_text's collation is deterministic) but no
    // index answers it, so the planner reads the rows the rest of the query selects, as asked, and
    // spends no time weighing a pattern against the column's statistics.
    public override string SearchRowByRow(string q, SqlArguments arguments)
    {
        var found = $"strpos(search_text, {arguments.Add(TextSearch.Fold(q))}) > 0";
        return q.Contains(TextSearch.Separator) ? WithinOneText(found, arguments.Add(Pattern(q))) : found;
    }

    /// <summary>A folded text as oe_search_trigrams (sql/postgres/010) spells it: the commonest punctuation as letters.</summary>
    public static string Spelled(string folded)
    {
        var spelled = folded.ToCharArray();
        for (var i = 0; i < spelled.Length; i++)
        {
            var at = SpelledFrom.IndexOf(spelled[i], StringComparison.Ordinal);
            if (at >= 0)
            {
                spelled[i] = SpelledAs[at];
            }
        }

        return new string(spelled);
    }

    private const string SpelledFrom = " .-_#:/@";

    private const string SpelledAs = "qzvjkwyx";

    private static string WithinOneText(string condition, string pattern)
    {
        string Like(string text) => $"lower(({text}) COLLATE \"C\") LIKE {pattern} ESCAPE '\\'";
        return $"{condition} AND ({Like("message")} OR {Like("event_type")} OR EXISTS (SELECT 1 FROM {ContextStrings} AS s(value) WHERE {Like("s.value #>> '{}'")}))";
    }

    private static string Pattern(string q) => "%" + EscapeLike(TextSearch.Fold(q)) + "%";

    // Containment answers from the jsonb GIN index (sql/postgres/009). The second document is the
    // value as the JSON number or literal it also spells, else the string again, so the text stays one.
    public override string ContextEquals(string key, string value, SqlArguments arguments)
    {
        var member = JsonSerializer.Serialize(key) + ":";
        var asString = arguments.Add("{" + member + JsonSerializer.Serialize(value) + "}");
        var typed = ContextValueRule.TypedJson(value) is { } json ? arguments.Add("{" + member + json + "}") : asString;
        return $"(context @> {Json(asString)} OR context @> {Json(typed)})";
    }

    private const string ContextStrings = "jsonb_path_query(context, 'strict $.** ? (@.type() == \"string\")')";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
