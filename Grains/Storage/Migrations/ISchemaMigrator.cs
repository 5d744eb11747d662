namespace OrleansEvents.Storage.Migrations;

/// <summary>Brings the database schema up to date; safe to run twice and from two processes at once.</summary>
public interface ISchemaMigrator
{
    /// <summary>Applies the scripts not yet recorded in <c>schema_migrations</c>; returns those it applied.</summary>
    Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken cancellationToken = default);
}
