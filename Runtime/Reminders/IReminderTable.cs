using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>
/// Durable storage of reminders shared by all silos of one database. Claims are leases: a claimed row is
/// invisible to other silos' claims until it is completed or its lease runs out.
/// </summary>
public interface IReminderTable
{
    /// <summary>Inserts or replaces a reminder, dropping any lease on it.</summary>
    Task UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Deletes a reminder; does nothing when it does not exist.</summary>
    Task DeleteAsync(GrainId grain, string name, CancellationToken cancellationToken = default);

    /// <summary>Lists the reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ListAsync(GrainId grain, CancellationToken cancellationToken = default);

    /// <summary>Leases up to <paramref name="limit"/> reminders due at <paramref name="now"/> that no live lease holds.</summary>
    Task<IReadOnlyList<ReminderEntry>> ClaimDueAsync(
        DateTimeOffset now, string owner, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a claimed reminder to <paramref name="nextDueAt"/> and releases the lease, unless the row was
    /// re-registered or removed meanwhile (then the newer registration wins).
    /// </summary>
    Task CompleteAsync(ReminderEntry claimed, string owner, DateTimeOffset nextDueAt, CancellationToken cancellationToken = default);
}
