using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using OrleansEvents.Commands;
using OrleansEvents.Emit;
using OrleansEvents.Fanout;
using OrleansEvents.Life;
using OrleansEvents.LogQueue;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Replay;
using OrleansEvents.Retention;
using OrleansEvents.Stats;
using OrleansEvents.Storage;
using OrleansEvents.Streams;
using OrleansEvents.Writing;

namespace OrleansEvents.Hosting;

/// <summary>
/// Wires the event side of a silo: an Orleans silo (clustering by <see cref="StorageOptions"/>), the
/// event grains with their reminders, grain state and the <c>events</c> stream, storage and
/// migrations, the group-commit writer, the waker of the cluster's log reader, the silo's own life events, and the silo
/// half of Orleans' dashboard.
/// </summary>
public static partial class EventGrainsHostingExtensions
{
    /// <summary>Hosts an Orleans silo with the event grains in this process.</summary>
    /// <exception cref="StorageConfigurationException">The storage settings cannot work.</exception>
    public static IHostApplicationBuilder AddEventGrains(this IHostApplicationBuilder builder)
    {
        var storage = ReadStorageOptions(builder.Configuration);
        var orleans = ReadOrleansOptions(builder.Configuration);
        builder.UseOrleans(silo =>
        {
            UseClustering(silo, storage, orleans);
            silo.AddEventGrains(builder.Configuration);
            AddOrleansDashboard(silo, builder.Configuration);
        });
        return builder;
    }

    /// <summary>
    /// Adds the event grains and everything they need to a silo whose clustering is configured
    /// elsewhere (by <see cref="AddEventGrains(IHostApplicationBuilder)"/>, or by a test cluster).
    /// </summary>
    /// <exception cref="StorageConfigurationException">The storage settings cannot work.</exception>
    public static ISiloBuilder AddEventGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var storage = ReadStorageOptions(configuration);
        silo.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddKeyedSingleton<TimeProvider>(EventClock.Key, (services, _) => services.GetRequiredService<TimeProvider>());
        AddStorage(silo, storage, configuration);
        AddOrleansServices(silo, configuration);
        AddServices(silo.Services);
        return silo;
    }

    /// <summary>Read and checked at once: clustering needs them before the host exists.</summary>
    private static OrleansOptions ReadOrleansOptions(IConfiguration configuration)
    {
        var orleans = configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();
        var problems = new List<ValidationResult>();
        return Validator.TryValidateObject(orleans, new ValidationContext(orleans), problems, validateAllProperties: true)
            ? orleans
            : throw new OptionsValidationException(OrleansOptions.SectionName, typeof(OrleansOptions), problems.Select(p => p.ErrorMessage ?? p.ToString()));
    }

    private static void AddOrleansServices(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddPersistentStreams(StreamProviders.Events, LogQueueAdapterFactory.Create, streams =>
        {
            streams.Configure<HashRingStreamQueueMapperOptions>(queues => queues.Configure(LogQueueAdapterFactory.ConfigureQueues));
            streams.ConfigurePullingAgent(agent => agent
                .Configure(StreamPullingDefaults.Apply)
                .Bind(configuration.GetSection("Orleans:Streams:PullingAgent")));
        });

        // Failure detection (docs/operations.md): a silo that misses 2 probes of 1 s is declared dead in
        // seconds rather than Orleans' default of about a minute for a hung one, and a silo that was hung
        // reads the table often enough to learn it was declared dead and leave. The price: a silo
        // starved of CPU for a few seconds may be declared dead, and restarts.
        silo.Services.AddOptions<ClusterMembershipOptions>()
            .Configure(membership =>
            {
                membership.ProbeTimeout = TimeSpan.FromSeconds(1);
                membership.NumMissedProbesLimit = 2;
                membership.NumVotesForDeathDeclaration = 1;
                membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                membership.EnableIndirectProbes = false;
            })
            .Bind(configuration.GetSection("Orleans:Membership"));

        // Orleans' own defaults, stated here so the documented values are the ones in force.
        silo.Services.AddOptions<SiloMessagingOptions>()
            .Configure(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(30))
            .Bind(configuration.GetSection("Orleans:Messaging"));
        silo.Services.AddOptions<GrainCollectionOptions>()
            .Configure(collection =>
            {
                collection.CollectionAge = TimeSpan.FromMinutes(15);
                collection.DeactivationTimeout = TimeSpan.FromSeconds(10);
            })
            .Bind(configuration.GetSection("Orleans:GrainCollection"));

        // Orleans refuses reminder periods under a minute by default; the retention reminder's own period may be shorter.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<RetentionOptions>>((reminders, retention) =>
            reminders.MinimumReminderPeriod = TimeSpan.FromTicks(Math.Min(reminders.MinimumReminderPeriod.Ticks, retention.Value.ReminderPeriod.Ticks)));
    }

    private static void AddServices(IServiceCollection services)
    {
        AddValidatedOptions<EventsOptions>(services, EventsOptions.SectionName);
        AddValidatedOptions<ProblemGroupsOptions>(services, ProblemGroupsOptions.SectionName);
        AddValidatedOptions<EventWriterOptions>(services, EventWriterOptions.SectionName);
        AddValidatedOptions<LogReaderOptions>(services, LogReaderOptions.SectionName);
        AddValidatedOptions<StatsOptions>(services, StatsOptions.SectionName);
        AddValidatedOptions<SearchOptions>(services, SearchOptions.SectionName);
        AddValidatedOptions<RetentionOptions>(services, RetentionOptions.SectionName);
        AddValidatedOptions<ReplayOptions>(services, ReplayOptions.SectionName);
        AddValidatedOptions<SiloLifeOptions>(services, SiloLifeOptions.SectionName);
        AddValidatedOptions<OrleansOptions>(services, OrleansOptions.SectionName);

        services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>("silo", tags: [HealthTags.Ready])
            .AddCheck<LogReaderHealthCheck>("log_reader", tags: [HealthTags.Ready]);
        services.AddSingleton<LogSignal>();
        services.AddSingleton<StorageAvailability>();
        services.AddSingleton<RetentionEpoch>();
        services.AddSingleton<ProblemReporter>();
        services.AddSingleton<EventWriter>();
        services.AddSingleton<StreamGrainServices>();
        services.TryAddSingleton<EventCommands>();
        services.AddSingleton<EventEmitter>();
        services.AddSingleton<LogReaderWaker>();
        services.AddHostedService(provider => provider.GetRequiredService<LogReaderWaker>());
        services.AddHostedService<SiloLifeRecorder>();
    }

    private static void AddValidatedOptions<TOptions>(IServiceCollection services, string sectionName)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
}
