namespace OrleansEvents.Storage.Migrations;

/// <summary>A script that was already applied has been edited since; schema changes belong in a new numbered script.</summary>
public sealed class AppliedScriptChangedException(MigrationScript script)
    : Exception($"Migration {script.Version:D3}_{script.Name} was applied with different text; add a new script instead of editing it.");
