using Microsoft.Extensions.DependencyInjection;

namespace OrleansEvents.Client.Hosting;

/// <summary>What <see cref="OrleansEventsServiceCollectionExtensions.AddOrleansEvents"/> returns, to choose how events are sent.</summary>
public sealed class OrleansEventsBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>
    /// Sends through the <c>IClusterClient</c> the host already has (grain calls, no HTTP), to
    /// <see cref="OrleansEventsOptions.Tenant"/>. Reading still goes over HTTP when an endpoint and key are set.
    /// </summary>
    public OrleansEventsBuilder UseClusterClient()
    {
        Services.Configure<OrleansEventsOptions>(options => options.Transport = EventTransport.ClusterClient);
        return this;
    }
}
