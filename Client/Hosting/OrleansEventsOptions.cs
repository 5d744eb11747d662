namespace OrleansEvents.Client.Hosting;

/// <summary>How the client reaches the store and how it queues; bound from the configuration section <c>OrleansEvents</c> and validated on start.</summary>
public sealed class OrleansEventsOptions
{
    public const string SectionName = "OrleansEvents";

    /// <summary>The gateway's base address, e.g. <c>http://127.0.0.1:5000</c>. Required to send over HTTP, and to read in either mode.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The API key, sent as <c>X-API-Key</c>: a write key records, a read key queries and subscribes. Required with <see cref="Endpoint"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How events are sent: <see cref="EventTransport.Http"/> (default) or through the host's Orleans cluster client.</summary>
    public EventTransport Transport { get; set; } = EventTransport.Http;

    /// <summary>The tenant events go to when sent through the cluster client (over HTTP the key decides). Default <c>default</c>.</summary>
    public string Tenant { get; set; } = "default";

    /// <summary>The <c>source</c> of every event recorded here, unless the event names one. Default none.</summary>
    public string? Source { get; set; }

    /// <summary>Events waiting to be sent; when full, the oldest is dropped and counted. Default 10 000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Most events in one send (the gateway takes up to 1 000). Default 500.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>Largest HTTP body of one send; a larger batch goes in several requests (the gateway refuses over 1 MiB by default). Default 512 KiB.</summary>
    public int MaxBatchBytes { get; set; } = 512 * 1024;

    /// <summary>How long a batch that is not full waits for more events. Default 5 ms.</summary>
    public TimeSpan BatchDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>The first wait before a failed send is retried; it doubles up to <see cref="MaxRetryDelay"/>, with jitter. Default 100 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries. Default 5 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one send may take before it counts as failed and is retried. Default 30 s.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long stopping the host keeps sending what is queued; what is left then is dropped and counted. Default 5 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// When true, each recording's task completes once the event is stored and fails with
    /// <see cref="Recording.EventDeliveryException"/> when it is dropped or refused. Default false: the task is
    /// complete at once and nothing ever throws into the caller.
    /// </summary>
    public bool ThrowOnFailure { get; set; }
}
