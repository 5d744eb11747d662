using System.Data.Common;
using System.Globalization;

namespace OrleansEvents.Storage.Postgres;

internal sealed class PostgresRowReader : EventRowReader
{
    public static readonly PostgresRowReader Instance = new();

    protected override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => row.GetFieldValue<DateTimeOffset>(ordinal);

    protected override ulong ReadTransactionId(DbDataReader row, int ordinal) =>
        ulong.Parse(row.GetValue(ordinal).ToString()!, CultureInfo.InvariantCulture);

    protected override bool ReadBool(DbDataReader row, int ordinal) => row.GetBoolean(ordinal);
}
