using OrleansEvents.Grains;

namespace OrleansEvents.Replay;

/// <summary>One real replay while it runs in this activation: its counters, its cancellation, its end.</summary>
internal sealed class ReplayJob(string replayId, long found, long planned) : IDisposable
{
    public string ReplayId { get; } = replayId;

    public long Planned { get; } = planned;

    public long Replayed { get; private set; }

    public ReplayState State { get; private set; } = ReplayState.Running;

    public CancellationTokenSource Cancellation { get; } = new();

    public Task Completion { get; set; } = Task.CompletedTask;

    public void Published(int count) => Replayed += count;

    public void Finish(ReplayState state)
    {
        if (State == ReplayState.Running)
        {
            State = state;
        }
    }

    public ReplayReport Report() => new(ReplayId, DryRun: false, found, Planned, Replayed, State == ReplayState.Failed ? Planned - Replayed : 0, State, []);

    public void Dispose() => Cancellation.Dispose();
}
