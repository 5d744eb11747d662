namespace OrleansEvents.Emit;

/// <summary>How one item of a workflow run turned out.</summary>
public enum WorkflowItemStatus
{
    Matched,
    NoMatch,
    Cached,
    Error,
}
