using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Migrations;
using OrleansEvents.Storage.Postgres;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Hosting;

/// <summary>Wires the event side of a silo: storage (chosen by <see cref="StorageOptions"/>) and migrations.</summary>
public static class EventGrainsHostingExtensions
{
    /// <exception cref="StorageConfigurationException">The storage settings cannot work.</exception>
    public static IHostApplicationBuilder AddEventGrains(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);

        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.Sqlite:
                AddSqlite(builder.Services, options);
                break;
            case StorageOptions.Postgres:
                AddPostgres(builder.Services, builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName));
                break;
            default:
                throw new StorageConfigurationException(
                    $"Storage:Provider '{options.Provider}' is unknown; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
        }

        return builder;
    }

    private static void AddSqlite(IServiceCollection services, StorageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            throw new StorageConfigurationException("Storage:SqlitePath must name the SQLite file, e.g. data/events.db.");
        }

        services.AddSingleton(new SqliteDatabase(options.SqlitePath));
        services.AddSingleton<IEventLog, SqliteEventLog>();
        services.AddSingleton<ISchemaMigrator, SqliteSchemaMigrator>();
        services.AddSingleton(new StorageDescription(StorageOptions.Sqlite, Path.GetFullPath(options.SqlitePath)));
    }

    private static void AddPostgres(IServiceCollection services, string? connectionString)
    {
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

        // Auto-preparation turns the fixed statement texts into server-side prepared statements per connection.
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
        services.AddSingleton<IEventLog, PostgresEventLog>();
        services.AddSingleton<ISchemaMigrator, PostgresSchemaMigrator>();
        services.AddSingleton(new StorageDescription(StorageOptions.Postgres, $"{settings.Host}:{settings.Port}/{settings.Database}"));
    }
}
