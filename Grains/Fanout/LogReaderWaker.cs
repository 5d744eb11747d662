using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>
/// The silo's side of the cluster's log reader: it wakes the reader with a one-way grain call right
/// after each local commit (a burst of commits is one call), and asks after it every
/// <see cref="LogReaderOptions.CheckEvery"/>, which activates it on a survivor after its silo died
/// and keeps <see cref="LastStatus"/> current for readiness.
/// </summary>
public sealed partial class LogReaderWaker(
    IGrainFactory grains, LogSignal committed, IOptions<LogReaderOptions> options, ILogger<LogReaderWaker> logger) : BackgroundService
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    private ILogReaderGrain Reader => grains.GetGrain<ILogReaderGrain>(ILogReaderGrain.ClusterKey);

    /// <summary>The reader's last answer, or null while it has not answered.</summary>
    public LogReaderStatus? LastStatus { get; private set; }

    /// <summary>Why the last question went unanswered, or null after an answer.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Activates the reader before the silo takes commits, so it starts at a log end before them.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync();
        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(WakeOnCommitsAsync(stoppingToken), CheckRegularlyAsync(stoppingToken));

    /// <summary>Asks after the reader now (readiness and tests use this).</summary>
    public async Task<LogReaderStatus?> CheckAsync()
    {
        try
        {
            LastStatus = await Reader.GetStatusAsync().WaitAsync(CheckTimeout);
            LastFailure = null;
        }
        catch (Exception exception)
        {
            // The reader's silo just died, or the cluster is changing: the next question activates it elsewhere.
            LastFailure = exception.Message;
            LogUnanswered(logger, exception.Message);
        }

        return LastStatus;
    }

    private async Task WakeOnCommitsAsync(CancellationToken stoppingToken)
    {
        var woken = LogPosition.Start;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Polling the signal costs nothing; it is the database the reader must not poll per event.
            await committed.WaitAsync(options.Value.CheckEvery, TimeProvider.System, stoppingToken);
            var highest = committed.HighestCommitted;
            if (highest > woken)
            {
                woken = highest;
                await Reader.WakeAsync(highest);
            }
        }
    }

    private async Task CheckRegularlyAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.CheckEvery, TimeProvider.System, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await CheckAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The cluster's log reader did not answer: {Reason}")]
    private static partial void LogUnanswered(ILogger logger, string reason);
}
