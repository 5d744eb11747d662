using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace OrleansEvents.Storage.Postgres;

/// <summary>
/// Moves the GIN indexes' pending entries (sql/postgres/009, 010: q's trigrams, context containment) into the
/// indexes in the background. New rows enter a GIN index through a pending list; whichever insert finds
/// the list over its limit otherwise merges the whole list itself, so one append in every thousand or so
/// waited 50–150 ms for it. Cleaning on a timer keeps the list short: inserts skip their own cleanup
/// while one runs, and q scans fewer pending rows. Every silo may run one; concurrent cleanups queue.
/// </summary>
internal sealed partial class SearchIndexCleaner(
    NpgsqlDataSource dataSource, IOptions<PostgresStorageOptions> options, ILogger<SearchIndexCleaner> logger) : BackgroundService
{
    // Every GIN index of the events table, whatever the migrations named it.
    private const string CleanSql =
        "SELECT coalesce(sum(gin_clean_pending_list(i.indexrelid::regclass)), 0) FROM pg_index i " +
        "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam " +
        "WHERE i.indrelid = 'events'::regclass AND a.amname = 'gin'";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.SearchIndexCleanInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await using var command = dataSource.CreateCommand(CleanSql);
                    await command.ExecuteScalarAsync(stoppingToken);
                    failing = false;
                }
                catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
                {
                    // Away, or not the indexes' owner: inserts clean up themselves meanwhile. Said once per spell.
                    if (!failing)
                    {
                        LogCleanFailed(logger, exception.Message);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The search indexes' pending entries could not be cleaned in the background; appends clean them up meanwhile: {Reason}")]
    private static partial void LogCleanFailed(ILogger logger, string reason);
}
