namespace OrleansEvents.LogQueue;

/// <summary>A log queue holds <see cref="LogQueueLimits.MaxBatches"/> batches its reader has not taken yet.</summary>
[GenerateSerializer]
[Alias("oe.LogQueueFullException")]
public sealed class LogQueueFullException : Exception
{
    public LogQueueFullException()
        : base($"The log queue holds {LogQueueLimits.MaxBatches} batches its reader has not taken; try again later.")
    {
    }

    public LogQueueFullException(string message)
        : base(message)
    {
    }

    public LogQueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
