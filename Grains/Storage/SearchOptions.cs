using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Storage;

/// <summary>
/// How PostgreSQL finds a page of <c>q</c> (RelationalEventLog.Search, docs/architecture.md). Section
/// <c>Events:Search</c>. Ids are counted from the page's start: the newest, or the next below
/// <c>before_id</c>; the oldest for ascending pages.
/// </summary>
public sealed class SearchOptions : IValidatableObject
{
    public const string SectionName = "Events:Search";

    /// <summary>How many ids a q is first checked against row by row: a page of a common q fills there. Default 2 000.</summary>
    [Range(1, 10_000_000)]
    public int NewestWindow { get; set; } = 2_000;

    /// <summary>
    /// Up to how many matches the trigram index is asked for next: when it has no more, they are the
    /// answer, and only the page of them is read in full. Default 2 000; 0 skips this step.
    /// </summary>
    [Range(0, 100_000)]
    public int IndexedMatches { get; set; } = 2_000;

    /// <summary>
    /// How many ids a q with more matches is then checked against row by row, before every match is
    /// read from the index to pick the page. Default 20 000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int LongestWalk { get; set; } = 20_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LongestWalk < NewestWindow)
        {
            yield return new ValidationResult($"must be at least {nameof(NewestWindow)} ({NewestWindow})", [nameof(LongestWalk)]);
        }
    }
}
