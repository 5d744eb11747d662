namespace OrleansEvents.Events;

/// <summary>The kind of entity a stream belongs to; each kind has its own grain.</summary>
public enum StreamKind
{
    Session,
    Lead,
    Device,
    Workflow,
    System,
}
