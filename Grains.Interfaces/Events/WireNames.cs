namespace OrleansEvents.Events;

/// <summary>
/// The lower snake_case names that enums take on the wire and in the database, and their parsing.
/// One table for every place that turns these enums into text, so storage and HTTP never disagree.
/// </summary>
public static class WireNames
{
    public static string Of(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        Severity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };

    public static string Of(StreamKind kind) => kind switch
    {
        StreamKind.Session => "session",
        StreamKind.Lead => "lead",
        StreamKind.Device => "device",
        StreamKind.Workflow => "workflow",
        StreamKind.System => "system",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(ResolvedBy resolvedBy) => resolvedBy switch
    {
        ResolvedBy.Human => "human",
        ResolvedBy.LlmAgent => "llm_agent",
        ResolvedBy.Auto => "auto",
        _ => throw new ArgumentOutOfRangeException(nameof(resolvedBy), resolvedBy, null),
    };

    /// <summary>
    /// Parses a severity, accepting INFO/WARN/WARNING/ERROR/CRITICAL in any case. Surrounding spaces
    /// are not trimmed: " error" is refused, like every other value that differs from a name.
    /// </summary>
    public static bool TryParseSeverity(string? text, out Severity severity)
    {
        severity = Severity.Info;
        switch (text?.ToLowerInvariant())
        {
            case "info":
                severity = Severity.Info;
                return true;
            case "warn" or "warning":
                severity = Severity.Warning;
                return true;
            case "error":
                severity = Severity.Error;
                return true;
            case "critical":
                severity = Severity.Critical;
                return true;
            default:
                return false;
        }
    }

    public static bool TryParseStreamKind(string? text, out StreamKind kind)
    {
        kind = StreamKind.System;
        switch (text)
        {
            case "session":
                kind = StreamKind.Session;
                return true;
            case "lead":
                kind = StreamKind.Lead;
                return true;
            case "device":
                kind = StreamKind.Device;
                return true;
            case "workflow":
                kind = StreamKind.Workflow;
                return true;
            case "system":
                kind = StreamKind.System;
                return true;
            default:
                return false;
        }
    }

    public static bool TryParseResolvedBy(string? text, out ResolvedBy resolvedBy)
    {
        resolvedBy = ResolvedBy.Human;
        switch (text?.ToLowerInvariant())
        {
            case "human":
                resolvedBy = ResolvedBy.Human;
                return true;
            case "llm_agent":
                resolvedBy = ResolvedBy.LlmAgent;
                return true;
            case "auto":
                resolvedBy = ResolvedBy.Auto;
                return true;
            default:
                return false;
        }
    }

    public static Severity ParseSeverity(string text) =>
        TryParseSeverity(text, out var severity) ? severity : throw new FormatException($"Unknown severity '{text}'.");

    public static ResolvedBy ParseResolvedBy(string text) =>
        TryParseResolvedBy(text, out var resolvedBy) ? resolvedBy : throw new FormatException($"Unknown resolver '{text}'.");
}
