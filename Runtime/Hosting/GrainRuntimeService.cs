using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Activation;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.References;

namespace OrleansEvents.Runtime.Hosting;

/// <summary>Starts idle collection with the host and deactivates every activation, within a deadline, when it stops.</summary>
internal sealed class GrainRuntimeService(
    ActivationCatalog catalog, GrainTypeRegistry registry, CallTracker tracker, TimeProvider timeProvider, IOptions<GrainRuntimeOptions> options)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Resolving the registry and tracker here surfaces duplicate registrations and bad options at start.
        _ = registry;
        _ = tracker;
        catalog.StartCollector();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(options.Value.ShutdownTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        await catalog.DeactivateAllAsync(linked.Token).ConfigureAwait(false);
    }
}
