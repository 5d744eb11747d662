using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Validation;

namespace OrleansEvents.Client.Sending;

/// <summary>
/// Appends through the host's Orleans cluster client, straight to the stream grains, routed as the silo
/// routes (<see cref="StreamGrains"/>), to <see cref="OrleansEventsOptions.Tenant"/>. A broken rule is
/// refused for good; a silo that is away, a timeout or a store that is down are worth trying again.
/// </summary>
internal sealed class ClusterEventTransport(IServiceProvider services, IOptions<OrleansEventsOptions> options, TimeProvider clock) : IEventTransport
{
    public async Task SendAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        // Looked up at the first send, not at construction: the host registers its client where it likes.
        var cluster = services.GetRequiredService<IClusterClient>();
        try
        {
            await cluster.AppendAsync(options.Value.Tenant, events, clock.GetUtcNow(), cancellationToken);
        }
        catch (EventValidationException invalid)
        {
            throw new EventsRejectedException(invalid.Message);
        }
    }
}
