using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansEvents.Commands;
using OrleansEvents.Emit;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Life;
using OrleansEvents.Replay;
using OrleansEvents.Retention;
using OrleansEvents.Runtime.Hosting;
using OrleansEvents.Stats;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Migrations;
using OrleansEvents.Storage.Postgres;
using OrleansEvents.Storage.Sqlite;
using OrleansEvents.Streams;
using OrleansEvents.Writing;

namespace OrleansEvents.Hosting;

/// <summary>
/// Wires the event side of a silo: storage (chosen by <see cref="StorageOptions"/>) and migrations,
/// the actor runtime with the event grains, the group-commit writer, the log tailer, and the silo's
/// own life events.
/// </summary>
public static class EventGrainsHostingExtensions
{
    /// <exception cref="StorageConfigurationException">The storage settings cannot work.</exception>
    public static IHostApplicationBuilder AddEventGrains(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);

        var runtime = builder.Services.AddGrainRuntime();
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.Sqlite:
                AddSqlite(builder.Services, options);
                runtime.UseSqliteReminders(services => services.GetRequiredService<SqliteDatabase>().ConnectionString);
                break;
            case StorageOptions.Postgres:
                AddPostgres(builder.Services, builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName));
                runtime.UsePostgresReminders();
                break;
            default:
                throw new StorageConfigurationException(
                    $"Storage:Provider '{options.Provider}' is unknown; use '{StorageOptions.Sqlite}' or '{StorageOptions.Postgres}'.");
        }

        AddGrains(runtime);
        AddServices(builder.Services);
        return builder;
    }

    private static void AddGrains(GrainRuntimeBuilder runtime) => runtime
        .AddGrain<ISessionEventsGrain, SessionEventsGrain>("events.session")
        .AddGrain<ILeadEventsGrain, LeadEventsGrain>("events.lead")
        .AddGrain<IDeviceEventsGrain, DeviceEventsGrain>("events.device")
        .AddGrain<IWorkflowEventsGrain, WorkflowEventsGrain>("events.workflow")
        .AddGrain<ISystemEventsGrain, SystemEventsGrain>("events.system")
        .AddGrain<IStatsGrain, StatsGrain>("events.stats")
        .AddGrain<IReplayGrain, ReplayGrain>("events.replay")
        // Reminder rows name the grain type: a stable name survives renames of the interface.
        .AddGrain<IRetentionGrain, RetentionGrain>("events.retention");

    private static void AddServices(IServiceCollection services)
    {
        AddValidatedOptions<EventsOptions>(services, EventsOptions.SectionName);
        AddValidatedOptions<EventWriterOptions>(services, EventWriterOptions.SectionName);
        AddValidatedOptions<LogTailerOptions>(services, LogTailerOptions.SectionName);
        AddValidatedOptions<StatsOptions>(services, StatsOptions.SectionName);
        AddValidatedOptions<RetentionOptions>(services, RetentionOptions.SectionName);
        AddValidatedOptions<ReplayOptions>(services, ReplayOptions.SectionName);
        AddValidatedOptions<SiloLifeOptions>(services, SiloLifeOptions.SectionName);

        services.AddSingleton<LogSignal>();
        services.AddSingleton<StorageAvailability>();
        services.AddSingleton<RetentionEpoch>();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<StreamGrainServices>();
        services.AddSingleton<EventCommands>();
        services.AddSingleton<EventEmitter>();
        services.AddSingleton<LogTailer>();
        services.AddHostedService(provider => provider.GetRequiredService<LogTailer>());
        services.AddHostedService<SiloLifeRecorder>();
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();

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

        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
        services.AddSingleton<IEventLog, PostgresEventLog>();
        services.AddSingleton<ISchemaMigrator, PostgresSchemaMigrator>();
        services.AddSingleton(new StorageDescription(StorageOptions.Postgres, $"{settings.Host}:{settings.Port}/{settings.Database}"));
    }
}
