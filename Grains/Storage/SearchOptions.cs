using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Storage;

/// <summary>How a page of <c>q</c> is found (docs/architecture.md, Search). Section <c>Events:Search</c>.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Events:Search";

    /// <summary>
    /// On PostgreSQL, how many ids from the page's start (the newest, or the next below <c>before_id</c>;
    /// the oldest for ascending pages) a q is checked against row by row before the text index is asked.
    /// A page of a common q fills within them; a rarer q costs this walk and then the index. Default 20 000.
    /// </summary>
    [Range(1, 10_000_000)]
    public int WalkWindow { get; set; } = 20_000;
}
