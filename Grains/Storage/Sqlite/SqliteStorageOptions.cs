using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Storage.Sqlite;

/// <summary>Tuning for the SQLite store. Section <c>Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>
    /// How often new rows go into q's search index, in transactions of 250 (default 1 s). Until then
    /// a search checks them row by row, so it finds them all the same.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan SearchIndexInterval { get; set; } = TimeSpan.FromSeconds(1);
}
