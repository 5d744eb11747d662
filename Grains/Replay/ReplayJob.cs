using OrleansEvents.Grains;

namespace OrleansEvents.Replay;

/// <summary>One real replay: its counters move on the thread that publishes, its state is read by the grain.</summary>
internal sealed class ReplayJob(string replayId, long found, long planned) : IDisposable
{
    private long _replayed;
    private long _failed;
    private int _state = (int)ReplayState.Running;

    public string ReplayId { get; } = replayId;

    public long Planned { get; } = planned;

    public CancellationTokenSource Cancellation { get; } = new();

    public Task Completion { get; set; } = Task.CompletedTask;

    public ReplayState State => (ReplayState)Volatile.Read(ref _state);

    public void Replayed() => Interlocked.Increment(ref _replayed);

    public void Failed() => Interlocked.Increment(ref _failed);

    public void Finish(ReplayState state) => Interlocked.CompareExchange(ref _state, (int)state, (int)ReplayState.Running);

    public ReplayReport Report() =>
        new(ReplayId, DryRun: false, found, Planned, Interlocked.Read(ref _replayed), Interlocked.Read(ref _failed), State, []);

    public void Dispose() => Cancellation.Dispose();
}
