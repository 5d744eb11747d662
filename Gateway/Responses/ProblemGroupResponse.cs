using System.Text.Json.Serialization;
using OrleansEvents.Events;
using OrleansEvents.ProblemGroups;

namespace OrleansEvents.Gateway.Responses;

/// <summary>A problem group as the API and the hub show it, counted over its open events.</summary>
public sealed record ProblemGroupResponse(
    string Fingerprint,
    string StreamKind,
    string EventType,
    string Severity,
    long OpenCount,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    int StreamsAffected,
    string SampleMessage,
    long SampleEventId,
    IReadOnlyDictionary<string, long> BySeverity,
    [property: JsonPropertyName("last_24h_by_hour")] IReadOnlyList<ProblemHourResponse> Last24hByHour)
{
    public static ProblemGroupResponse Of(ProblemGroup group) => new(
        group.Fingerprint,
        WireNames.Of(group.StreamKind),
        group.EventType,
        WireNames.Of(group.Severity),
        group.OpenCount,
        group.FirstSeen,
        group.LastSeen,
        group.StreamsAffected,
        group.SampleMessage,
        group.SampleEventId,
        StatsResponse.BySeverityOf(group.BySeverity),
        group.Hourly.Select((count, i) => new ProblemHourResponse(group.HourlyFrom.AddHours(i), count)).ToList());
}
