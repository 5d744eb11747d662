using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>
/// Open problems of one stream counted together: same event type, severity, values of the fingerprint
/// keys (as JSON text, null when absent) and hour (since the Unix epoch; null before the window asked for).
/// </summary>
public sealed record OpenProblemCount(
    string Stream, string EventType, Severity Severity, IReadOnlyList<string?> KeyValues, long? Hour,
    long Count, DateTimeOffset First, DateTimeOffset Last, long MaxVersion, long MaxId);
