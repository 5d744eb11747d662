using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Hosting;

namespace OrleansEvents.Storage.Sqlite;

/// <summary>
/// The event log in one SQLite file, the embedded default: WAL, one writer at a time (in this process
/// by a semaphore, across processes by BEGIN IMMEDIATE), so ids are drawn in commit order.
/// </summary>
internal sealed partial class SqliteEventLog(
    SqliteDatabase database, [FromKeyedServices(EventClock.Key)] TimeProvider timeProvider, IOptions<SearchOptions> search)
    : RelationalEventLog(timeProvider, search.Value)
{
    public override bool BlocksCallingThread => true;

    protected override SqlDialect Dialect => SqliteDialect.Instance;

    protected override EventRowReader Rows => SqliteRowReader.Instance;

    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await database.OpenAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            throw Unavailable(exception);
        }
    }

    protected override async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        using var slot = await database.EnterWriteAsync(cancellationToken);
        await using var connection = (SqliteConnection)await OpenAsync(cancellationToken);
        try
        {
            // deferred: false is BEGIN IMMEDIATE: take the file's write lock now, not at the first write.
            await using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (SqliteException exception) when (IsUnavailable(exception))
        {
            throw Unavailable(exception);
        }
    }

    protected override bool IsUnavailable(Exception exception) =>
        exception is SqliteException
        {
            SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_CANTOPEN or SQLitePCL.raw.SQLITE_IOERR
                or SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_READONLY,
        };

    protected override StorageUnavailableException Unavailable(Exception exception) =>
        StorageUnavailableException.Because("The SQLite database", exception);
}
