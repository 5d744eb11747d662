using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>A grain that sets an Orleans reminder and counts how often it rang.</summary>
[Alias("OrleansEvents.Tests.Providers.IAlarmGrain")]
public interface IAlarmGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder to ring after <paramref name="dueTime"/>, then every minute.</summary>
    Task SetAsync(TimeSpan dueTime);

    /// <summary>How many times the reminder rang on this activation.</summary>
    Task<int> CountRingsAsync();
}
