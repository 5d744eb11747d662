using OrleansEvents.Events;

namespace OrleansEvents.Emit;

/// <summary>Appends the events of one workflow run as <see cref="WorkflowEvents"/> builds them, each once committed.</summary>
public sealed class WorkflowEmitter(EventEmitter emitter, WorkflowEvents events, string? tenantId)
{
    public Task<AppendedEvent> ProcessingStartedAsync(int totalItems) => AppendAsync(events.ProcessingStarted(totalItems));

    public Task<AppendedEvent> StageStartedAsync(string stage, object? metadata = null) => AppendAsync(events.StageStarted(stage, metadata));

    /// <summary>The stage's end, its duration measured since <see cref="StageStartedAsync"/> of the same stage.</summary>
    public Task<AppendedEvent> StageCompletedAsync(string stage, object? metadata = null) => AppendAsync(events.StageCompleted(stage, metadata));

    public Task<AppendedEvent> StageCompletedAsync(string stage, TimeSpan duration, object? metadata = null) =>
        AppendAsync(events.StageCompleted(stage, duration, metadata));

    public Task<AppendedEvent> ProgressAsync(string item, WorkflowItemStatus status, double? confidence = null) =>
        AppendAsync(events.Progress(item, status, confidence));

    /// <summary>A risk alert whose severity follows the score: ≥ 80 critical, ≥ 60 error, else warning.</summary>
    public Task<AppendedEvent> RiskAlertAsync(double score, string reason, object? details = null) => AppendAsync(events.RiskAlert(score, reason, details));

    public Task<AppendedEvent> PausedAsync(string reason) => AppendAsync(events.Paused(reason));

    public Task<AppendedEvent> ResumedAsync(string reason) => AppendAsync(events.Resumed(reason));

    /// <summary>An error; details longer than 200 characters are truncated with a marker.</summary>
    public Task<AppendedEvent> ErrorAsync(string code, string details) => AppendAsync(events.Error(code, details));

    private Task<AppendedEvent> AppendAsync(NewEvent newEvent) => emitter.AppendAsync(newEvent, tenantId);
}
