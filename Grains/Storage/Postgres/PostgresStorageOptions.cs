using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Storage.Postgres;

/// <summary>Tuning for the PostgreSQL store. Section <c>Storage:Postgres</c>.</summary>
public sealed class PostgresStorageOptions : IValidatableObject
{
    public const string SectionName = "Storage:Postgres";

    /// <summary>
    /// How often each silo merges the search indexes' pending entries in the background (default 250 ms);
    /// 0 leaves it to appends and autovacuum.
    /// </summary>
    public TimeSpan SearchIndexCleanInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SearchIndexCleanInterval < TimeSpan.Zero || SearchIndexCleanInterval > TimeSpan.FromMinutes(10))
        {
            yield return new ValidationResult("must be between 0 and 10 minutes", [nameof(SearchIndexCleanInterval)]);
        }
    }
}
