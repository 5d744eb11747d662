using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Orleans.Streams;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.ProblemGroups;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The gateway's subscription to <see cref="ProblemsStream"/>: each group change goes to the hub connections of its
/// tenant as one <c>problemsChanged</c>. A change lost with a silo is not replayed; the next change of the group, or a
/// reload of the list, shows the group as it is.
/// </summary>
public sealed class ProblemsChangeListener(IClusterClient cluster, IHubContext<EventsHub, IEventsClient> hub) : IHostedService
{
    private StreamSubscriptionHandle<ProblemsChange>? _subscription;

    public async Task StartAsync(CancellationToken cancellationToken) =>
        _subscription = await cluster.GetStreamProvider(StreamProviders.Events).GetStream<ProblemsChange>(ProblemsStream.Id).SubscribeAsync(OnNextAsync);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is not null)
        {
            await _subscription.UnsubscribeAsync();
        }
    }

    private Task OnNextAsync(ProblemsChange change, StreamSequenceToken? token) =>
        hub.Clients.Group(ProblemsHubGroup.Of(change.TenantId))
            .problemsChanged(new ProblemsChangedResponse(change.Fingerprint, change.Group is { } group ? ProblemGroupResponse.Of(group) : null));
}
