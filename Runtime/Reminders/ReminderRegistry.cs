using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>Validates reminder registrations and writes them to the configured <see cref="IReminderTable"/>.</summary>
internal sealed class ReminderRegistry(
    IReminderTable table, GrainTypeRegistry grainTypes, TimeProvider timeProvider, IOptions<ReminderOptions> options) : IReminderRegistry
{
    public Task RegisterOrUpdateAsync(GrainId grain, string name, ReminderSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(schedule);
        if (schedule.Period < options.Value.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(
                nameof(schedule), schedule.Period, $"A reminder period must be at least {options.Value.MinimumPeriod} ({ReminderOptions.SectionName}:MinimumPeriod).");
        }

        var grainClass = grainTypes.ForTypeName(grain.Type).GrainClass;
        if (!grainClass.IsAssignableTo(typeof(IRemindable)))
        {
            throw new InvalidOperationException($"{grainClass} must implement {nameof(IRemindable)} to receive reminders.");
        }

        var dueAt = schedule.FirstDueAt(timeProvider.GetUtcNow());
        return table.UpsertAsync(new ReminderEntry(grain, name, dueAt, schedule.Period), cancellationToken);
    }

    public Task UnregisterAsync(GrainId grain, string name, CancellationToken cancellationToken = default) =>
        table.DeleteAsync(grain, name, cancellationToken);

    public async Task<IReadOnlyList<ReminderInfo>> GetAsync(GrainId grain, CancellationToken cancellationToken = default)
    {
        var entries = await table.ListAsync(grain, cancellationToken).ConfigureAwait(false);
        return [.. entries.Select(e => new ReminderInfo(e.Name, e.DueAt, e.Period))];
    }
}
