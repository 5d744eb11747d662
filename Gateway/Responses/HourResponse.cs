using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Responses;

/// <summary>One UTC hour of the last 24: when it starts and how many events of each severity it holds.</summary>
public sealed record HourResponse(DateTimeOffset Hour, long Info, long Warning, long Error, long Critical)
{
    public static HourResponse Of(HourlyCounts hour) => new(
        hour.Hour,
        hour.BySeverity.GetValueOrDefault(Severity.Info),
        hour.BySeverity.GetValueOrDefault(Severity.Warning),
        hour.BySeverity.GetValueOrDefault(Severity.Error),
        hour.BySeverity.GetValueOrDefault(Severity.Critical));
}
