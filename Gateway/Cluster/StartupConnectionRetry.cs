using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansEvents.Gateway.Cluster;

/// <summary>
/// A gateway may start before the silos do: it keeps trying to connect, every two seconds, for
/// <see cref="ClusterConnectionOptions.StartupTimeout"/>. Once connected, Orleans itself moves
/// between live silos.
/// </summary>
internal sealed partial class StartupConnectionRetry(IOptions<ClusterConnectionOptions> options, TimeProvider clock, ILogger<StartupConnectionRetry> logger)
    : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(2);
    private DateTimeOffset? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _firstFailure ??= now;
        if (now - _firstFailure >= options.Value.StartupTimeout)
        {
            return false;
        }

        LogRetry(logger, exception.Message);
        await Task.Delay(Pause, clock, cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo of the cluster answered yet ({Reason}); trying again")]
    private static partial void LogRetry(ILogger logger, string reason);
}
