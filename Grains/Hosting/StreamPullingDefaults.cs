using Orleans.Configuration;

namespace OrleansEvents.Hosting;

/// <summary>
/// How the silo's pulling agent moves the <c>events</c> stream. Orleans' defaults (a queue read every
/// 100 ms) put up to a tenth of a second between a commit and the browsers; reading every 10 ms keeps
/// that near the fsync it follows, and one queue keeps the idle cost to 100 reads a second.
/// </summary>
public static class StreamPullingDefaults
{
    public const int QueueCount = 1;

    public static readonly TimeSpan QueuePollInterval = TimeSpan.FromMilliseconds(10);

    public const int BatchContainerBatchSize = 100;

    public static void Apply(StreamPullingAgentOptions options)
    {
        options.GetQueueMsgsTimerPeriod = QueuePollInterval;
        options.BatchContainerBatchSize = BatchContainerBatchSize;
    }
}
