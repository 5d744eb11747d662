namespace OrleansEvents.Gateway.Hosting;

/// <summary>A fixed window of requests per API key (per client address for requests without a key). Section <c>Gateway:RateLimit</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Whether requests are limited at all. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per window and key. Default 1 000.</summary>
    public int PermitLimit { get; set; } = 1000;

    /// <summary>The window. Default 1 s, so a key may make 1 000 requests per second.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(1);
}
