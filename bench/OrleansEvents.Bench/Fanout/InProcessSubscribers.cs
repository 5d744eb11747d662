namespace OrleansEvents.Bench.Fanout;

/// <summary>
/// Subscribers in the bench's own process (<c>--clients in-process</c>): their receive loops share
/// the server's thread pool, so every hop of the server waits behind them too.
/// </summary>
public sealed class InProcessSubscribers : ISubscribers
{
    private readonly FanoutRecorder _recorder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FanoutClient> _clients = [];
    private List<Task> _receiving = [];

    /// <summary>What the clients recorded; the child process answers its parent from it.</summary>
    public FanoutRecorder Recorder => _recorder;

    public static async Task<InProcessSubscribers> ConnectAsync(Uri hub, int subscribers)
    {
        var connected = new InProcessSubscribers();
        foreach (var batch in Enumerable.Range(0, subscribers).Chunk(50))
        {
            connected._clients.AddRange(await Task.WhenAll(batch.Select(_ => FanoutClient.ConnectAsync(hub, connected._recorder, connected._stop.Token))));
        }

        connected._receiving = connected._clients.Select(c => c.ReceiveAsync(connected._stop.Token)).ToList();
        return connected;
    }

    public Task<long> CountAsync() => Task.FromResult(_recorder.Count);

    public Task ResetAsync()
    {
        _recorder.Reset();
        return Task.CompletedTask;
    }

    // In the bench's process: its compiling is already in the bench's own figures.
    public Task<TimeSpan> CompilationTimeAsync() => Task.FromResult(TimeSpan.Zero);

    public TimeSpan ProcessorTime() => TimeSpan.Zero;

    public Task<(double P50Ms, double P99Ms)> PercentilesAsync() =>
        Task.FromResult((_recorder.PercentileMs(50), _recorder.PercentileMs(99)));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients.Select(c => c.CloseAsync()));
        await Task.WhenAll(_receiving);
        _stop.Dispose();
    }
}
