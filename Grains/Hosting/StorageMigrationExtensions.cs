using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansEvents.Storage.Migrations;

namespace OrleansEvents.Hosting;

/// <summary>Applies pending schema scripts before a silo serves anything.</summary>
public static partial class StorageMigrationExtensions
{
    /// <exception cref="Events.StorageUnavailableException">The store cannot be reached.</exception>
    public static async Task<IReadOnlyList<MigrationScript>> MigrateEventStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredService<StorageDescription>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("OrleansEvents.Storage");
        LogStorage(logger, storage.Provider, storage.Location);
        var applied = await services.GetRequiredService<ISchemaMigrator>().MigrateAsync(cancellationToken);
        if (applied.Count == 0)
        {
            LogUpToDate(logger);
        }

        foreach (var script in applied)
        {
            LogApplied(logger, script.Version, script.Name);
        }

        return applied;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Provider} at {Location}")]
    private static partial void LogStorage(ILogger logger, string provider, string location);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema is up to date")]
    private static partial void LogUpToDate(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Version:D3}_{Name}")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
