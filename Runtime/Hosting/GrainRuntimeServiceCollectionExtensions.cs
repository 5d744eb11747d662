using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Activation;
using OrleansEvents.Runtime.Diagnostics;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Placement;
using OrleansEvents.Runtime.References;
using OrleansEvents.Runtime.Reminders;
using OrleansEvents.Runtime.Streams;

namespace OrleansEvents.Runtime.Hosting;

/// <summary>The runtime's one wiring extension.</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain runtime: <see cref="IGrainFactory"/>, <see cref="IStreamProvider"/>, idle collection,
    /// graceful deactivation at shutdown and the <c>OrleansEvents.Runtime</c> meter. Options bind from the
    /// <c>Runtime</c> configuration section, then <paramref name="configure"/> applies; both are validated at start.
    /// Safe to call more than once (e.g. once per project that registers grains).
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddGrainRuntime(options => options.CallTimeout = TimeSpan.FromSeconds(10))
    ///     .AddGrain&lt;ICounterGrain, CounterGrain&gt;()
    ///     .UsePostgresReminders();
    /// </code>
    /// </example>
    public static GrainRuntimeBuilder AddGrainRuntime(this IServiceCollection services, Action<GrainRuntimeOptions>? configure = null)
    {
        var builder = new GrainRuntimeBuilder(services);
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(ActivationCatalog)))
        {
            return builder;
        }

        services.AddOptions<GrainRuntimeOptions>().BindConfiguration(GrainRuntimeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GrainRuntimeOptions>, GrainRuntimeOptionsValidator>();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>, ReminderOptionsValidator>();
        services.AddOptions<StreamOptions>().BindConfiguration(StreamOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamOptions>, StreamOptionsValidator>();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => SiloAddress.CreateLocal());
        services.TryAddSingleton<RuntimeMetrics>();
        services.TryAddSingleton<GrainTypeRegistry>();
        services.TryAddSingleton<ActivationCatalog>();
        services.TryAddSingleton<CallTracker>();
        services.TryAddSingleton<IGrainPlacement, LocalGrainPlacement>();
        services.TryAddSingleton<IGrainCallTransport, LocalGrainCallTransport>();
        services.TryAddSingleton<GrainCallDispatcher>();
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddSingleton<IStreamProvider, LocalStreamProvider>();
        services.AddHostedService<GrainRuntimeService>();
        return builder;
    }
}
