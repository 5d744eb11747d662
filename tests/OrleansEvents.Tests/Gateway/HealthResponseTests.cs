using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansEvents.Gateway.Health;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Health answers anyone; why a check fails quotes the store's own error, which names its host.</summary>
public sealed class HealthResponseTests
{
    private static readonly HealthReport Failing = new(
        new Dictionary<string, HealthReportEntry>
        {
            ["storage"] = new(HealthStatus.Unhealthy, "Failed to connect to 10.0.0.5:5432", TimeSpan.FromMilliseconds(3), null,
                new Dictionary<string, object> { ["provider"] = "postgres", ["location"] = "10.0.0.5:5432/events" }),
            ["log_reader"] = new(HealthStatus.Healthy, "the log reader makes progress", TimeSpan.Zero, null,
                new Dictionary<string, object> { ["position"] = "7-7", ["last_progress_at"] = DateTimeOffset.UnixEpoch }),
        },
        TimeSpan.FromMilliseconds(3));

    [Fact]
    public void WithoutAnAdminKeyAFailureSaysNotWhyAndTheDataNotWhere()
    {
        var shown = HealthResponse.Of(Failing, allData: false);

        Assert.Equal("unhealthy", shown.Status);
        Assert.DoesNotContain("10.0.0.5", shown.Checks["storage"].Description, StringComparison.Ordinal);
        Assert.Equal(["provider"], shown.Checks["storage"].Data.Keys);
        Assert.Equal("the log reader makes progress", shown.Checks["log_reader"].Description);
        Assert.Equal(["last_progress_at"], shown.Checks["log_reader"].Data.Keys);
    }

    [Fact]
    public void AnAdminKeySeesEverything()
    {
        var shown = HealthResponse.Of(Failing, allData: true);

        Assert.Equal("Failed to connect to 10.0.0.5:5432", shown.Checks["storage"].Description);
        Assert.Equal(["provider", "location"], shown.Checks["storage"].Data.Keys);
        Assert.Equal(["position", "last_progress_at"], shown.Checks["log_reader"].Data.Keys);
    }
}
