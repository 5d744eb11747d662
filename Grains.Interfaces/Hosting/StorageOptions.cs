namespace OrleansEvents.Hosting;

/// <summary>Where events are stored. Section <c>Storage</c>; the PostgreSQL connection string is <c>ConnectionStrings:Events</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "Events";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><c>sqlite</c> (default: one file, no setup) or <c>postgres</c> (production, many silos).</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>The SQLite file, relative to the working directory. Default <c>data/events.db</c>.</summary>
    public string SqlitePath { get; set; } = "data/events.db";

    /// <summary>The provider as configured, trimmed and in lower case.</summary>
    public string NormalizedProvider => Provider.Trim().ToLowerInvariant();

    public bool IsSqlite => NormalizedProvider == Sqlite;
}
