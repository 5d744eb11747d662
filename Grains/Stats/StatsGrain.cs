using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Storage;

namespace OrleansEvents.Stats;

/// <summary>
/// A tenant's statistics, computed at most once per <see cref="StatsOptions.CacheFor"/> however many
/// dashboards ask: the aggregate queries run per refresh, never per request.
/// </summary>
[GrainType("events.stats")]
public sealed class StatsGrain(IEventLog log, IOptions<StatsOptions> options, [FromKeyedServices(EventClock.Key)] TimeProvider clock)
    : Grain, IStatsGrain
{
    private EventStats? _cached;

    public async Task<EventStats> GetStatsAsync()
    {
        if (_cached is null || clock.GetUtcNow() - _cached.ComputedAt >= options.Value.CacheFor)
        {
            _cached = await log.GetStatsAsync(this.GetPrimaryKeyString(), options.Value.TopTypes);
        }

        return _cached;
    }
}
