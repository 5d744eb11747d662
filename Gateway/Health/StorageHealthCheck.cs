using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;

namespace OrleansEvents.Gateway.Health;

/// <summary>Ready only while the event store answers a trivial query within a few seconds.</summary>
public sealed class StorageHealthCheck(IEventLog log, StorageDescription storage) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = storage.Provider, ["location"] = storage.Location };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await log.PingAsync(deadline.Token);
            return HealthCheckResult.Healthy($"{storage.Provider} answers", data);
        }
        catch (StorageUnavailableException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, data: data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{storage.Provider} did not answer within {Timeout.TotalSeconds:0} s", data: data);
        }
    }
}
