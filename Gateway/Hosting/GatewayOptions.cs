namespace OrleansEvents.Gateway.Hosting;

/// <summary>Limits and switches of the HTTP side. Section <c>Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Largest accepted request body in bytes. Default 1 MiB.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Origins allowed to call the API from a browser. Default none: CORS is off.</summary>
    public string[] CorsAllowedOrigins { get; set; } = [];

    /// <summary>Per-key request budget.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>
    /// Messages buffered per live subscriber (SSE, SignalR) before it is told to resync. Default 10 000:
    /// when the log reader's silo hangs, the events of the failure-detection time (about 8 s) reach
    /// every subscriber at once when the reader resumes, and a subscriber keeping up should not resync.
    /// </summary>
    public int LiveBufferCapacity { get; set; } = 10_000;

    /// <summary>How often a hub connection receives the tenant's <c>stats</c>. Default 10 s.</summary>
    public TimeSpan HubStatsInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often an idle SSE stream sends a comment so proxies keep it open. Default 15 s.</summary>
    public TimeSpan SseHeartbeat { get; set; } = TimeSpan.FromSeconds(15);
}
