using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Health;

/// <summary>Ready only while the event store answers a trivial query within a few seconds.</summary>
public sealed class StorageHealthCheck(IEventQueryGrain queries) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var data = new Dictionary<string, object>();
        StorageDescription? storage = null;
        try
        {
            storage = await queries.DescribeStorageAsync().WaitAsync(deadline.Token);
            data["provider"] = storage.Provider;
            data["location"] = storage.Location;
            await queries.PingStorageAsync(deadline.Token);
            return HealthCheckResult.Healthy($"{storage.Provider} answers", data);
        }
        catch (StorageUnavailableException exception)
        {
            return HealthCheckResult.Unhealthy(exception.Message, data: data);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(storage is null
                ? $"no silo answered within {Timeout.TotalSeconds:0} s"
                : $"{storage.Provider} did not answer within {Timeout.TotalSeconds:0} s", data: data);
        }
    }
}
