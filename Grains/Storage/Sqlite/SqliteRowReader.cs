using System.Data.Common;

namespace OrleansEvents.Storage.Sqlite;

internal sealed class SqliteRowReader : EventRowReader
{
    public static readonly SqliteRowReader Instance = new();

    protected override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => SqliteTime.FromMicroseconds(row.GetInt64(ordinal));

    protected override ulong ReadTransactionId(DbDataReader row, int ordinal) => (ulong)row.GetInt64(ordinal);

    protected override bool ReadBool(DbDataReader row, int ordinal) => row.GetInt64(ordinal) != 0;
}
