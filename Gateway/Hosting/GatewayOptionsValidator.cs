using Microsoft.Extensions.Options;

namespace OrleansEvents.Gateway.Hosting;

/// <summary>Refuses settings that cannot work, at start, naming the key to fix.</summary>
internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add("Gateway:MaxRequestBodyBytes must be at least 1024");
        }

        if (options.RateLimit.PermitLimit < 1)
        {
            failures.Add("Gateway:RateLimit:PermitLimit must be at least 1");
        }

        if (options.RateLimit.Window <= TimeSpan.Zero)
        {
            failures.Add("Gateway:RateLimit:Window must be positive");
        }

        if (options.LiveBufferCapacity < 1)
        {
            failures.Add("Gateway:LiveBufferCapacity must be at least 1");
        }

        if (options.HubStatsInterval <= TimeSpan.Zero)
        {
            failures.Add("Gateway:HubStatsInterval must be positive");
        }

        if (options.SseHeartbeat <= TimeSpan.Zero)
        {
            failures.Add("Gateway:SseHeartbeat must be positive");
        }

        foreach (var origin in options.CorsAllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out _))
            {
                failures.Add($"Gateway:CorsAllowedOrigins entry '{origin}' is not an absolute origin such as https://ops.example.com");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
