namespace OrleansEvents.Events;

/// <summary>How bad an event is, in increasing order; warning and above are problems until resolved.</summary>
[GenerateSerializer]
[Alias("oe.Severity")]
public enum Severity
{
    Info = 0,
    Warning = 1,
    Error = 2,
    Critical = 3,
}
