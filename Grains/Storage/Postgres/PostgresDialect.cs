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

    // search_text (sql/postgres/009) holds the searched texts with A–Z folded, joined by the separator,
    // and a trigram index answers LIKE on it. Only a q holding the separator is checked text by text.
    public override string Search(string q, SqlArguments arguments)
    {
        var pattern = arguments.Add("%" + EscapeLike(TextSearch.Fold(q)) + "%");
        string Like(string text) => $"lower(({text}) COLLATE \"C\") LIKE {pattern} ESCAPE '\\'";
        var indexed = $"search_text LIKE {pattern} ESCAPE '\\'";
        return q.Contains(TextSearch.Separator)
            ? $"{indexed} AND ({Like("message")} OR {Like("event_type")} OR EXISTS (SELECT 1 FROM {ContextStrings} AS s(value) WHERE {Like("s.value #>> '{}'")}))"
            : indexed;
    }

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
