using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>
/// Registers durable reminders for any grain; <see cref="Grain"/> exposes the same operations for the
/// grain itself. The grain class must implement <see cref="IRemindable"/>.
/// </summary>
public interface IReminderRegistry
{
    /// <summary>Registers or replaces the reminder <paramref name="name"/> of <paramref name="grain"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is below <c>ReminderOptions.MinimumPeriod</c>.</exception>
    Task RegisterOrUpdateAsync(GrainId grain, string name, ReminderSchedule schedule, CancellationToken cancellationToken = default);

    /// <summary>Removes the reminder; does nothing when it does not exist.</summary>
    Task UnregisterAsync(GrainId grain, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the reminders of <paramref name="grain"/>.</summary>
    Task<IReadOnlyList<ReminderInfo>> GetAsync(GrainId grain, CancellationToken cancellationToken = default);
}
