using OrleansEvents.Runtime.Reminders;

namespace OrleansEvents.Tests.Runtime.TestGrains;

public interface IReminderGrain
{
    Task RegisterAsync(string name, TimeSpan dueTime, TimeSpan period);

    Task RegisterDailyAsync(string name, TimeOnly timeOfDayUtc);

    Task UnregisterAsync(string name);

    Task<IReadOnlyList<ReminderInfo>> ListAsync();
}
