namespace OrleansEvents.Events;

/// <summary>The kind of entity a stream belongs to; each kind has its own grain.</summary>
[GenerateSerializer]
[Alias("oe.StreamKind")]
public enum StreamKind
{
    Session,
    Lead,
    Device,
    Workflow,
    System,
}
