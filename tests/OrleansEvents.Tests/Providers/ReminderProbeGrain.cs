using Orleans;
using Orleans.Runtime;

namespace OrleansEvents.Tests.Providers;

public sealed class ReminderProbeGrain(ReminderTicks ticks) : Grain, IReminderProbeGrain, IRemindable
{
    public Task RegisterAsync(string reminderName, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, dueTime, period);

    public async Task<string[]> ListNamesAsync() =>
        [.. (await this.GetReminders()).Select(reminder => reminder.ReminderName).Order(StringComparer.Ordinal)];

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ticks.Record(this.GetPrimaryKeyString(), reminderName);
        return Task.CompletedTask;
    }
}
