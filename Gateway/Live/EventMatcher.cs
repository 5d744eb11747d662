using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Live;

/// <summary>Whether one event satisfies a filter's criteria, in memory, with the same meaning as the stores' queries.</summary>
public static class EventMatcher
{
    public static bool Matches(EventFilter filter, StoredEvent e) =>
        (filter.Stream is not { } stream || stream == e.Stream)
        && Same(filter.LeadId, e.LeadId)
        && Same(filter.SessionId, e.SessionId)
        && Same(filter.DeviceId, e.DeviceId)
        && Same(filter.AccountId, e.AccountId)
        && Same(filter.WorkflowId, e.WorkflowId)
        && Same(filter.Category, e.Category)
        && Same(filter.Source, e.Source)
        && Same(filter.EventType, e.EventType)
        && (filter.EventTypePrefix is not { } prefix || e.EventType.StartsWith(prefix, StringComparison.Ordinal))
        && (filter.Severities is not { Count: > 0 } severities || severities.Contains(e.Severity))
        && (filter.MinSeverity is not { } minimum || e.Severity >= minimum)
        && (filter.Resolved is not { } resolved || resolved == e.Resolved)
        && (filter.Since is not { } since || e.Timestamp >= since)
        && (filter.Until is not { } until || e.Timestamp <= until)
        && (string.IsNullOrEmpty(filter.Text) || TextSearch.Matches(filter.Text, e.Message, e.EventType, e.Context))
        && (filter.Context is not { } context || context.All(c => ContextValueRule.Matches(e.Context, c.Key, c.Value)));

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.Ordinal);
}
