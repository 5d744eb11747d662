namespace OrleansEvents.Events;

/// <summary>Who closes a problem, and why: the kind of resolver, a note, and the name of the API key it came with.</summary>
public sealed record Resolution(ResolvedBy By, string? Note = null, string? ByKey = null)
{
    public const int MaxNoteLength = 2000;
}
