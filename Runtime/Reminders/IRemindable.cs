namespace OrleansEvents.Runtime.Reminders;

/// <summary>Implemented by grain classes that register durable reminders; each tick arrives as a turn of the grain.</summary>
public interface IRemindable
{
    /// <summary>Handles one tick of the reminder <paramref name="reminderName"/>; the grain is activated if needed.</summary>
    Task ReceiveReminderAsync(string reminderName, ReminderTick tick);
}
