using System.Collections.Concurrent;
using OrleansEvents.Events;

namespace OrleansEvents.Emit;

/// <summary>
/// The events of one workflow run, with the names and shapes the dashboards expect
/// (<c>workflow.stage_completed</c>, <c>workflow.risk_alert</c>, …), all in stream <c>workflow/{id}</c>.
/// Built here once for the silo's emitter and the .NET client. A stage's duration is measured from its
/// <see cref="StageStarted"/> unless one is given.
/// </summary>
public sealed class WorkflowEvents(string workflowId, TimeProvider? clock = null)
{
    public const string Category = "workflow";

    /// <summary>Longest error text kept; longer texts keep their first 200 characters followed by <see cref="TruncationMarker"/>.</summary>
    public const int MaxErrorTextLength = ErrorText.MaxLength;

    public const string TruncationMarker = ErrorText.TruncationMarker;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, long> _stageStarts = new(StringComparer.Ordinal);

    public string WorkflowId => workflowId;

    public NewEvent ProcessingStarted(int totalItems) =>
        Event("workflow.processing_started", Severity.Info, $"Processing started: {totalItems} items", new { total_items = totalItems });

    public NewEvent StageStarted(string stage, object? metadata = null)
    {
        _stageStarts[stage] = _clock.GetTimestamp();
        return Event("workflow.stage_started", Severity.Info, $"Stage {stage} started", new { stage, metadata });
    }

    /// <summary>The stage's end, its duration measured since <see cref="StageStarted"/> of the same stage (none when it was not started here).</summary>
    public NewEvent StageCompleted(string stage, object? metadata = null) =>
        _stageStarts.TryRemove(stage, out var started)
            ? StageCompleted(stage, _clock.GetElapsedTime(started), metadata)
            : Event("workflow.stage_completed", Severity.Info, $"Stage {stage} completed", new { stage, duration_ms = (double?)null, metadata });

    public NewEvent StageCompleted(string stage, TimeSpan duration, object? metadata = null)
    {
        _stageStarts.TryRemove(stage, out _);
        return Event("workflow.stage_completed", Severity.Info, $"Stage {stage} completed in {duration.TotalSeconds:0.###} s",
            new { stage, duration_ms = Math.Round(duration.TotalMilliseconds, 3), metadata });
    }

    /// <summary>How one item turned out; an item in error is a warning.</summary>
    public NewEvent Progress(string item, WorkflowItemStatus status, double? confidence = null) =>
        Event("workflow.progress", status == WorkflowItemStatus.Error ? Severity.Warning : Severity.Info,
            $"Item {item}: {StatusName(status)}", new { item, status = StatusName(status), confidence });

    /// <summary>A risk alert whose severity follows the score: ≥ 80 critical, ≥ 60 error, else warning.</summary>
    public NewEvent RiskAlert(double score, string reason, object? details = null) =>
        Event("workflow.risk_alert", RiskSeverity(score), $"Risk {score:0.#}: {Truncate(reason)}", new { score, reason = Truncate(reason), details });

    public NewEvent Paused(string reason) =>
        Event("workflow.paused", Severity.Warning, $"Paused: {Truncate(reason)}", new { reason = Truncate(reason) });

    public NewEvent Resumed(string reason) =>
        Event("workflow.resumed", Severity.Info, $"Resumed: {Truncate(reason)}", new { reason = Truncate(reason) });

    /// <summary>An error; <paramref name="details"/> longer than 200 characters is truncated with a marker.</summary>
    public NewEvent Error(string code, string details) =>
        Event("workflow.error", Severity.Error, $"{code}: {Truncate(details)}", new { code, details = Truncate(details) });

    public static Severity RiskSeverity(double score) => score switch
    {
        >= 80 => Severity.Critical,
        >= 60 => Severity.Error,
        _ => Severity.Warning,
    };

    public static string Truncate(string text) => ErrorText.Cut(text);

    public static string StatusName(WorkflowItemStatus status) => status switch
    {
        WorkflowItemStatus.Matched => "matched",
        WorkflowItemStatus.NoMatch => "no_match",
        WorkflowItemStatus.Cached => "cached",
        WorkflowItemStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private NewEvent Event(string eventType, Severity severity, string message, object context) => new()
    {
        WorkflowId = workflowId,
        Category = Category,
        Severity = WireNames.Of(severity),
        EventType = eventType,
        Message = message,
        Context = EventContext.From(context),
    };
}
