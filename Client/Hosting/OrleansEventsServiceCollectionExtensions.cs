using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Reading;
using OrleansEvents.Client.Recording;
using OrleansEvents.Client.Sending;

namespace OrleansEvents.Client.Hosting;

/// <summary>Adds the client to a host: <see cref="IEventRecorder"/> to record, <see cref="IEventReader"/> to read.</summary>
public static class OrleansEventsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the recorder, its queue and sender (a hosted service that flushes on stop) and the reader.
    /// Options bind from the configuration section <c>OrleansEvents</c>, then <paramref name="configure"/>
    /// applies; they are validated when the host starts. Over HTTP unless <see cref="OrleansEventsBuilder.UseClusterClient"/>.
    /// </summary>
    public static OrleansEventsBuilder AddOrleansEvents(this IServiceCollection services, Action<OrleansEventsOptions>? configure = null)
    {
        if (!services.Any(d => d.ServiceType == typeof(EventQueue)))
        {
            AddServices(services);
        }

        // After the binding, so what the code says wins over configuration.
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new OrleansEventsBuilder(services);
    }

    /// <summary>The endpoint as a base for relative paths: a gateway behind a path prefix keeps its prefix.</summary>
    internal static Uri BaseAddress(Uri endpoint) =>
        endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");

    private static void AddServices(IServiceCollection services)
    {
        services.AddOptions<OrleansEventsOptions>().BindConfiguration(OrleansEventsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrleansEventsOptions>, OrleansEventsOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddHttpClient(HttpEventTransport.HttpClientName, ConfigureHttp).RemoveAllLoggers();

        services.AddSingleton<ClientCounters>();
        services.AddSingleton<EventQueue>();
        services.AddSingleton<HttpEventTransport>();
        services.AddSingleton<ClusterEventTransport>();
        services.AddSingleton<IEventTransport>(provider => provider.GetRequiredService<IOptions<OrleansEventsOptions>>().Value.Transport == EventTransport.ClusterClient
            ? provider.GetRequiredService<ClusterEventTransport>()
            : provider.GetRequiredService<HttpEventTransport>());
        services.AddSingleton<EventSender>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<EventSender>());
        services.AddSingleton<EventRecorder>();
        services.AddSingleton<IEventRecorder>(provider => provider.GetRequiredService<EventRecorder>());
        services.AddSingleton<IEventReader, HttpEventReader>();
    }

    private static void ConfigureHttp(IServiceProvider provider, HttpClient client)
    {
        var options = provider.GetRequiredService<IOptions<OrleansEventsOptions>>().Value;
        if (options.Endpoint is { } endpoint)
        {
            client.BaseAddress = BaseAddress(endpoint);
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            client.DefaultRequestHeaders.Add("X-API-Key", options.ApiKey);
        }

        client.Timeout = options.SendTimeout;
    }
}
