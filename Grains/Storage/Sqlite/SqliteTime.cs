namespace OrleansEvents.Storage.Sqlite;

/// <summary>SQLite keeps times as microseconds since the Unix epoch (UTC): sortable integers at PostgreSQL's precision.</summary>
internal static class SqliteTime
{
    public static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * 10), TimeSpan.Zero);
}
