using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Migrations;
using OrleansEvents.Storage.Postgres;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Hosting;

public static partial class EventGrainsHostingExtensions
{
    private static StorageOptions ReadStorageOptions(IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        return storage.NormalizedProvider is StorageOptions.Sqlite or StorageOptions.Postgres
            ? storage
            : throw new StorageConfigurationException(
                $"Storage:Provider '{storage.Provider}' is unknown; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
    }

    /// <summary>The event log, its migrations, and Orleans' reminders and grain state, all in the one store.</summary>
    private static void AddStorage(ISiloBuilder silo, StorageOptions storage, IConfiguration configuration)
    {
        if (storage.IsSqlite)
        {
            AddSqlite(silo.Services, storage);
            silo.UseSqliteReminderTable();
            silo.AddSqliteGrainStorage(GrainStorages.Events);
            silo.AddSqliteGrainStorage(GrainStorages.PubSub);
            return;
        }

        var dataSource = AddPostgres(silo.Services, PostgresConnectionString(configuration));
        silo.Services.AddOptions<PostgresStorageOptions>().BindConfiguration(PostgresStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        silo.Services.AddHostedService<SearchIndexCleaner>();
        silo.UseAdoNetReminderService(reminders => reminders.UsePostgres(dataSource));
        silo.AddAdoNetGrainStorage(GrainStorages.Events, state => state.UsePostgres(dataSource));
        silo.AddAdoNetGrainStorage(GrainStorages.PubSub, state => state.UsePostgres(dataSource));
    }

    private static void AddSqlite(IServiceCollection services, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            throw new StorageConfigurationException("Storage:SqlitePath must name the SQLite file, e.g. data/events.db.");
        }

        services.AddSingleton(new SqliteDatabase(options.SqlitePath));
        services.AddSingleton<SqliteEventLog>();
        services.AddSingleton<IEventLog>(provider => provider.GetRequiredService<SqliteEventLog>());
        services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<SqliteSearchIndexer>();
        services.AddSingleton<ISchemaMigrator, SqliteSchemaMigrator>();
        services.AddSingleton(new StorageDescription(StorageOptions.Sqlite, Path.GetFullPath(options.SqlitePath)));
    }

    /// <summary>The events connection string with the product's defaults: a 5 s connect timeout, auto-prepared statements.</summary>
    /// <exception cref="StorageConfigurationException">It is missing or not a PostgreSQL connection string.</exception>
    private static string PostgresConnectionString(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StorageConfigurationException(
                "Storage:Provider is 'postgres' but ConnectionStrings:Events is not set (e.g. --ConnectionStrings:Events \"Host=...;Database=...\").");
        }

        NpgsqlConnectionStringBuilder settings;
        try
        {
            settings = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new StorageConfigurationException($"ConnectionStrings:Events is not a valid PostgreSQL connection string: {exception.Message}");
        }

        // Fail fast when the server is away (Npgsql waits 15 s by default) unless the operator chose otherwise.
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            settings.Timeout = 5;
        }

        // Auto-preparation turns the fixed statement texts into server-side prepared statements per connection.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        // Nothing here leaves session state on a pooled connection (advisory locks are transaction-scoped,
        // the migrator unlocks its own), so the reset Npgsql sends before each reuse, seven statements the
        // server runs, is work for nothing on every append and activation.
        if (!connectionString.Contains("reset", StringComparison.OrdinalIgnoreCase))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }

    /// <summary>The process's one data source: the event log, the migrator and Orleans' providers all draw on it.</summary>
    private static NpgsqlDataSource AddPostgres(IServiceCollection services, string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(_ => dataSource);
        services.AddSingleton<IEventLog, PostgresEventLog>();
        services.AddSingleton<ISchemaMigrator, PostgresSchemaMigrator>();
        services.AddSingleton(new StorageDescription(StorageOptions.Postgres, $"{settings.Host}:{settings.Port}/{settings.Database}"));
        return dataSource;
    }
}
