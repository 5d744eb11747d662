using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using OrleansEvents.Events;
using OrleansEvents.Hosting;

namespace OrleansEvents.Storage.Postgres;

/// <summary>
/// The event log on PostgreSQL: one pooled <see cref="NpgsqlDataSource"/> with auto-prepared
/// statements, batches as one UNNEST insert per transaction, and a log reader ordered by writing
/// transaction (docs/architecture.md §6).
/// </summary>
internal sealed partial class PostgresEventLog(
    NpgsqlDataSource dataSource, [FromKeyedServices(EventClock.Key)] TimeProvider timeProvider, IOptions<SearchOptions> search)
    : RelationalEventLog(timeProvider, search.Value)
{
    private const int MaxAttempts = 5;

    public override bool BlocksCallingThread => false;

    protected override SqlDialect Dialect => PostgresDialect.Instance;

    protected override EventRowReader Rows => PostgresRowReader.Instance;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
        {
            throw PostgresFailures.Unavailable(exception);
        }
    }

    protected override bool IsUnavailable(Exception exception) => PostgresFailures.IsUnavailable(exception);

    protected override StorageUnavailableException Unavailable(Exception exception) => PostgresFailures.Unavailable(exception);

    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var result = await work(connection, transaction);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (PostgresException exception) when (attempt < MaxAttempts && PostgresFailures.IsWorthRetrying(exception))
            {
                // A concurrent batch stored one of our event ids first; the next attempt finds it and reports a duplicate.
            }

            catch (Exception exception) when (PostgresFailures.IsUnavailable(exception))
            {
                // A commit that failed on the wire may still have happened; a retry with the same event ids is safe either way.
                throw PostgresFailures.Unavailable(exception);
            }
        }
    }
}
