namespace OrleansEvents.Tests.Runtime.Reminders;

/// <summary>
/// Runs the PostgreSQL reminder tests alone, after the parallel test collections. Transaction ids are
/// cluster-wide, so their short claim transactions on the shared throwaway cluster would hold back
/// <c>pg_snapshot_xmin</c> for the event log reader tests running beside them in another database.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresReminderCollection
{
    public const string Name = "PostgreSQL reminders";
}
