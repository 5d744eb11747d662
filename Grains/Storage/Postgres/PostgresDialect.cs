using OrleansEvents.Queries;
using System.Globalization;

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

    public override string Contains(string column, string text, SqlArguments arguments) =>
        $"{column} ILIKE {arguments.Add("%" + EscapeLike(text) + "%")} ESCAPE '\\'";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
