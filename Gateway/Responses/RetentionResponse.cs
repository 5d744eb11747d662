using OrleansEvents.Grains;

namespace OrleansEvents.Gateway.Responses;

/// <summary>What a retention run deleted (or, dry, would delete), per severity.</summary>
public sealed record RetentionResponse(bool DryRun, long Deleted, IReadOnlyDictionary<string, long> BySeverity, int Batches, double DurationMs)
{
    public static RetentionResponse Of(RetentionReport report) =>
        new(report.DryRun, report.Deleted, StatsResponse.BySeverityOf(report.BySeverity), report.Batches, Math.Round(report.Duration.TotalMilliseconds, 1));
}
