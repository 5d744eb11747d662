using System.Collections.Concurrent;

namespace OrleansEvents.Tests.Providers;

/// <summary>The reminder ticks one silo delivered, so a test can wait for the first tick of a reminder.</summary>
public sealed class ReminderTicks
{
    private readonly ConcurrentDictionary<(string GrainKey, string ReminderName), TaskCompletionSource> _firstTicks = new();

    public void Record(string grainKey, string reminderName) => FirstTick(grainKey, reminderName).TrySetResult();

    public Task FirstTickAsync(string grainKey, string reminderName) => FirstTick(grainKey, reminderName).Task;

    private TaskCompletionSource FirstTick(string grainKey, string reminderName) =>
        _firstTicks.GetOrAdd((grainKey, reminderName), _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
