using System.Net.Sockets;
using Npgsql;
using OrleansEvents.Events;

namespace OrleansEvents.Storage.Postgres;

/// <summary>Sorts PostgreSQL failures into "try again", "the store is away" and bugs (everything else).</summary>
internal static class PostgresFailures
{
    public static bool IsWorthRetrying(PostgresException exception) => exception.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => exception.ConstraintName == "uq_events_tenant_id_event_id",
        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => true,
        _ => false,
    };

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                                          or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException => true,
        SocketException or TimeoutException => true,
        _ => false,
    };

    public static StorageUnavailableException Unavailable(Exception exception) =>
        StorageUnavailableException.Because("PostgreSQL", exception);
}
