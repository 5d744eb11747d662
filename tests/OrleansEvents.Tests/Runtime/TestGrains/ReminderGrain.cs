using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Reminders;

namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>Records each tick in the probe as <c>tick:key:name:scheduled-at (ISO 8601)</c>.</summary>
public sealed class ReminderGrain(RuntimeProbe probe) : Grain, IReminderGrain, IRemindable
{
    public Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period) => RegisterOrUpdateReminderAsync(name, dueTime, period);

    public Task RegisterDailyAsync(string name, TimeOnly timeOfDayUtc) =>
        RegisterOrUpdateReminderAsync(name, ReminderSchedule.DailyAt(timeOfDayUtc));

    public Task UnregisterAsync(string name) => UnregisterReminderAsync(name);

    public Task<IReadOnlyList<ReminderInfo>> ListAsync() => GetRemindersAsync();

    public Task ReceiveReminderAsync(string reminderName, ReminderTick tick)
    {
        probe.Record($"tick:{GrainKey}:{reminderName}:{tick.ScheduledAt:O}");
        return Task.CompletedTask;
    }
}
