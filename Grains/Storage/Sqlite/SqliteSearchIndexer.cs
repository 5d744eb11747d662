using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;

namespace OrleansEvents.Storage.Sqlite;

/// <summary>
/// Puts new rows into q's FTS5 index in the background (sql/sqlite/011), a batch at a time, so no append
/// pays for the index. Searches meanwhile check the rows not in it yet row by row.
/// </summary>
internal sealed partial class SqliteSearchIndexer(
    SqliteEventLog log, IOptions<SqliteStorageOptions> options, ILogger<SqliteSearchIndexer> logger) : BackgroundService
{
    /// <summary>Rows per transaction, which holds the file's write lock meanwhile (with 1 000, appends' p99 went from 47 to 62-79 ms).</summary>
    public const int BatchRows = 250;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SearchIndexInterval);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    while (await log.IndexSearchBacklogAsync(BatchRows, stoppingToken) == BatchRows)
                    {
                        // A backlog: go on with the next batch.
                    }

                    failing = false;
                }
                catch (Exception exception) when (exception is SqliteException or StorageUnavailableException && !stoppingToken.IsCancellationRequested)
                {
                    // Searches stay complete meanwhile, only slower. Said once per spell.
                    if (!failing)
                    {
                        LogIndexFailed(logger, exception.Message);
                    }

                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "New events could not be added to the search index; searches check them row by row meanwhile: {Reason}")]
    private static partial void LogIndexFailed(ILogger logger, string reason);
}
