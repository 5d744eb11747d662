using OrleansEvents.Emit;

namespace OrleansEvents.Client.Recording;

/// <summary>
/// The events of one workflow run as <see cref="WorkflowEvents"/> builds them (the silo's names and
/// shapes), queued like every other recording. A stage's duration is measured from its start here.
/// </summary>
public sealed class WorkflowRecorder
{
    private readonly EventRecorder _recorder;
    private readonly WorkflowEvents _events;

    internal WorkflowRecorder(EventRecorder recorder, WorkflowEvents events)
    {
        _recorder = recorder;
        _events = events;
    }

    public string WorkflowId => _events.WorkflowId;

    public Task ProcessingStartedAsync(int totalItems) => _recorder.Record(() => _events.ProcessingStarted(totalItems));

    public Task StageStartedAsync(string stage, object? metadata = null) => _recorder.Record(() => _events.StageStarted(stage, metadata));

    /// <summary>The stage's end, with its duration since <see cref="StageStartedAsync"/> of the same stage.</summary>
    public Task StageCompletedAsync(string stage, object? metadata = null) => _recorder.Record(() => _events.StageCompleted(stage, metadata));

    public Task StageCompletedAsync(string stage, TimeSpan duration, object? metadata = null) =>
        _recorder.Record(() => _events.StageCompleted(stage, duration, metadata));

    /// <summary>How one item turned out (matched, no_match, cached, error) and how sure the run is.</summary>
    public Task ProgressAsync(string item, WorkflowItemStatus status, double? confidence = null) =>
        _recorder.Record(() => _events.Progress(item, status, confidence));

    /// <summary>A risk alert whose severity follows the score: ≥ 80 critical, ≥ 60 error, else warning.</summary>
    public Task RiskAlertAsync(double score, string reason, object? details = null) => _recorder.Record(() => _events.RiskAlert(score, reason, details));

    public Task PausedAsync(string reason) => _recorder.Record(() => _events.Paused(reason));

    public Task ResumedAsync(string reason) => _recorder.Record(() => _events.Resumed(reason));

    /// <summary>An error; details longer than 200 characters keep their first 200 and a marker.</summary>
    public Task ErrorAsync(string code, string details) => _recorder.Record(() => _events.Error(code, details));
}
