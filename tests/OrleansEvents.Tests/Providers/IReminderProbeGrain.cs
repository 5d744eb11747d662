using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>A grain that registers Orleans reminders on request and reports each tick to <see cref="ReminderTicks"/>.</summary>
[Alias("OrleansEvents.Tests.Providers.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) a reminder of this grain.</summary>
    [Alias("Register")]
    Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period);

    /// <summary>Names the reminders Orleans lists for this grain.</summary>
    [Alias("ListNames")]
    Task<string[]> ListNamesAsync();
}
