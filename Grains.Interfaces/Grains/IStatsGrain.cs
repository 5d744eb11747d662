using OrleansEvents.Queries;

namespace OrleansEvents.Grains;

/// <summary>One per tenant (key = tenant id): the tenant's counts, from a cache refreshed at most every few seconds.</summary>
[Alias("oe.IStatsGrain")]
public interface IStatsGrain : IGrainWithStringKey
{
    /// <summary>Totals, by severity, top types, by category, last 24 h, last event time, unresolved.</summary>
    Task<EventStats> GetStatsAsync();
}
