using Microsoft.Extensions.Options;
using OrleansEvents.Validation;

namespace OrleansEvents.Client.Hosting;

/// <summary>Refuses settings that cannot work, naming each by its configuration key, before the host starts.</summary>
internal sealed class OrleansEventsOptionsValidator : IValidateOptions<OrleansEventsOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansEventsOptions options)
    {
        var failures = new List<string>();
        void Check(bool holds, string key, string rule)
        {
            if (!holds)
            {
                failures.Add($"{OrleansEventsOptions.SectionName}:{key} {rule}");
            }
        }

        // Over HTTP the endpoint and key are needed to send; through the cluster client only to read.
        var http = options.Transport == EventTransport.Http;
        Check(options.Endpoint is null ? !http : options.Endpoint.IsAbsoluteUri && options.Endpoint.Scheme is "http" or "https",
            nameof(options.Endpoint), "must be the gateway's absolute http(s) address, e.g. http://127.0.0.1:5000");
        Check((!http && options.Endpoint is null) || !string.IsNullOrWhiteSpace(options.ApiKey), nameof(options.ApiKey), "must be set to one of the gateway's API keys");
        Check(http || IsTenantId(options.Tenant), nameof(options.Tenant), "must be a tenant id (letters, digits, _ . : -)");
        Check(Enum.IsDefined(options.Transport), nameof(options.Transport), "must be Http or ClusterClient");
        Check(options.QueueCapacity >= 1, nameof(options.QueueCapacity), "must be at least 1");
        Check(options.MaxBatchSize is >= 1 and <= EventLimits.MaxBatchSize, nameof(options.MaxBatchSize), $"must be 1–{EventLimits.MaxBatchSize}");
        Check(options.MaxBatchBytes >= 16 * 1024, nameof(options.MaxBatchBytes), "must be at least 16384");
        Check(options.BatchDelay >= TimeSpan.Zero && options.BatchDelay <= TimeSpan.FromSeconds(1), nameof(options.BatchDelay), "must be 0–1 s");
        Check(options.RetryDelay > TimeSpan.Zero, nameof(options.RetryDelay), "must be positive");
        Check(options.MaxRetryDelay >= options.RetryDelay, nameof(options.MaxRetryDelay), "must be at least RetryDelay");
        Check(options.SendTimeout > TimeSpan.Zero, nameof(options.SendTimeout), "must be positive");
        Check(options.ShutdownTimeout >= TimeSpan.Zero, nameof(options.ShutdownTimeout), "must not be negative");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsTenantId(string? tenant)
    {
        try
        {
            EventValidator.EnsureValidTenant(tenant ?? "");
            return true;
        }
        catch (EventValidationException)
        {
            return false;
        }
    }
}
