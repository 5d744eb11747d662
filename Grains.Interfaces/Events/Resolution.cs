namespace OrleansEvents.Events;

/// <summary>Who closes a problem, and why.</summary>
public sealed record Resolution(ResolvedBy By, string? Note = null)
{
    public const int MaxNoteLength = 2000;
}
