using OrleansEvents.Events;

namespace OrleansEvents.Emit;

/// <summary>
/// The events of a workflow run, with the names and shapes the dashboards expect
/// (<c>workflow.stage_completed</c>, <c>workflow.risk_alert</c>, …), all in stream <c>workflow/{id}</c>.
/// </summary>
public sealed class WorkflowEmitter(EventEmitter emitter, string workflowId, string? tenantId)
{
    /// <summary>Longest error text kept; longer texts keep their first 200 characters followed by <see cref="TruncationMarker"/>.</summary>
    public const int MaxErrorTextLength = 200;

    public const string TruncationMarker = "… [truncated]";

    public Task<AppendedEvent> ProcessingStartedAsync(int totalItems) =>
        EmitAsync("workflow.processing_started", Severity.Info, $"Processing started: {totalItems} items", new { total_items = totalItems });

    public Task<AppendedEvent> StageStartedAsync(string stage, object? metadata = null) =>
        EmitAsync("workflow.stage_started", Severity.Info, $"Stage {stage} started", new { stage, metadata });

    public Task<AppendedEvent> StageCompletedAsync(string stage, TimeSpan duration, object? metadata = null) =>
        EmitAsync("workflow.stage_completed", Severity.Info, $"Stage {stage} completed in {duration.TotalSeconds:0.###} s",
            new { stage, duration_ms = Math.Round(duration.TotalMilliseconds, 3), metadata });

    public Task<AppendedEvent> ProgressAsync(string item, WorkflowItemStatus status, double? confidence = null) =>
        EmitAsync("workflow.progress", status == WorkflowItemStatus.Error ? Severity.Warning : Severity.Info,
            $"Item {item}: {StatusName(status)}", new { item, status = StatusName(status), confidence });

    /// <summary>A risk alert whose severity follows the score: ≥ 80 critical, ≥ 60 error, else warning.</summary>
    public Task<AppendedEvent> RiskAlertAsync(double score, string reason, object? details = null) =>
        EmitAsync("workflow.risk_alert", RiskSeverity(score), $"Risk {score:0.#}: {Truncate(reason)}", new { score, reason = Truncate(reason), details });

    public Task<AppendedEvent> PausedAsync(string reason) =>
        EmitAsync("workflow.paused", Severity.Warning, $"Paused: {Truncate(reason)}", new { reason = Truncate(reason) });

    public Task<AppendedEvent> ResumedAsync(string reason) =>
        EmitAsync("workflow.resumed", Severity.Info, $"Resumed: {Truncate(reason)}", new { reason = Truncate(reason) });

    /// <summary>An error; <paramref name="details"/> longer than 200 characters is truncated with a marker.</summary>
    public Task<AppendedEvent> ErrorAsync(string code, string details) =>
        EmitAsync("workflow.error", Severity.Error, $"{code}: {Truncate(details)}", new { code, details = Truncate(details) });

    public static Severity RiskSeverity(double score) => score switch
    {
        >= 80 => Severity.Critical,
        >= 60 => Severity.Error,
        _ => Severity.Warning,
    };

    public static string Truncate(string text) =>
        text.Length <= MaxErrorTextLength ? text : text[..MaxErrorTextLength] + TruncationMarker;

    private static string StatusName(WorkflowItemStatus status) => status switch
    {
        WorkflowItemStatus.Matched => "matched",
        WorkflowItemStatus.NoMatch => "no_match",
        WorkflowItemStatus.Cached => "cached",
        WorkflowItemStatus.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private Task<AppendedEvent> EmitAsync(string eventType, Severity severity, string message, object context) =>
        emitter.AppendAsync(new NewEvent
        {
            WorkflowId = workflowId,
            Category = "workflow",
            Severity = WireNames.Of(severity),
            EventType = eventType,
            Message = message,
            Context = EventEmitter.ToContext(context),
        }, tenantId);
}
