using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Tests.Runtime.TestGrains;

public interface ILifecycleGrain
{
    /// <summary>Returns how many calls this activation has served, including this one.</summary>
    Task<int> PingAsync();

    /// <summary>True when OnActivateAsync had finished before this call began.</summary>
    Task<bool> WasActivatedFirstAsync();

    Task ThrowAsync(string message);

    Task DeactivateAsync();

    Task StartTimerAsync(TimeSpan period);

    Task BlockAsync();

    [Interleave]
    Task<string> PeekAsync();
}
