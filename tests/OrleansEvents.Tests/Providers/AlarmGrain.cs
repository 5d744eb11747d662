using Orleans;
using Orleans.Runtime;

namespace OrleansEvents.Tests.Providers;

public sealed class AlarmGrain : Grain, IAlarmGrain, IRemindable
{
    public const string ReminderName = "alarm";

    private int _rings;

    // A minute is the shortest period Orleans accepts by default; the test only waits for the first ring.
    public Task SetAsync(TimeSpan dueTime) => this.RegisterOrUpdateReminder(ReminderName, dueTime, TimeSpan.FromMinutes(1));

    public Task<int> CountRingsAsync() => Task.FromResult(_rings);

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        _rings++;
        return Task.CompletedTask;
    }
}
