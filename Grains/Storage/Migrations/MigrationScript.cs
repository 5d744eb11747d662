namespace OrleansEvents.Storage.Migrations;

/// <summary>One numbered schema change, e.g. <c>sql/postgres/001_events.sql</c> is version 1, name <c>events</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script text, recorded so an edited, already-applied script is noticed.</summary>
    public string Checksum { get; } = Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
