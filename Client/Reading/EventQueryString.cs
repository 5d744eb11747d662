using System.Globalization;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Reading;

/// <summary>An <see cref="EventFilter"/> in the gateway's parameter names (those of <c>GET /api/events</c>).</summary>
internal static class EventQueryString
{
    /// <summary>What an event must match, as name and value.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Criteria(EventFilter filter)
    {
        static KeyValuePair<string, string> Pair(string name, string value) => new(name, value);

        if (filter.Stream is { } stream)
        {
            yield return Pair("stream", stream.ToString());
        }

        foreach (var (name, value) in new[]
                 {
                     ("lead_id", filter.LeadId), ("session_id", filter.SessionId), ("device_id", filter.DeviceId),
                     ("account_id", filter.AccountId), ("workflow_id", filter.WorkflowId), ("category", filter.Category),
                     ("source", filter.Source), ("q", filter.Text),
                 })
        {
            if (value is not null)
            {
                yield return Pair(name, value);
            }
        }

        foreach (var (key, value) in filter.Context ?? new Dictionary<string, string>())
        {
            yield return Pair(EventFilter.ContextParameterPrefix + key, value);
        }

        if (filter.Severities is { Count: > 0 } severities)
        {
            yield return Pair("severity", string.Join(',', severities.Select(WireNames.Of)));
        }

        if (filter.MinSeverity is { } minimum)
        {
            yield return Pair("min_severity", WireNames.Of(minimum));
        }

        if (filter.EventType is { } eventType)
        {
            yield return Pair("event_type", eventType);
        }
        else if (filter.EventTypePrefix is { } prefix)
        {
            yield return Pair("event_type", prefix + "*");
        }

        if (filter.Resolved is { } resolved)
        {
            yield return Pair("resolved", resolved ? "true" : "false");
        }

        if (filter.Since is { } since)
        {
            yield return Pair("since", since.ToString("O", CultureInfo.InvariantCulture));
        }

        if (filter.Until is { } until)
        {
            yield return Pair("until", until.ToString("O", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>How the page is cut: keyset bounds, size and order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Paging(EventFilter filter)
    {
        if (filter.AfterId is { } after)
        {
            yield return new("after_id", after.ToString(CultureInfo.InvariantCulture));
        }

        if (filter.BeforeId is { } before)
        {
            yield return new("before_id", before.ToString(CultureInfo.InvariantCulture));
        }

        yield return new("limit", filter.Limit.ToString(CultureInfo.InvariantCulture));
        yield return new("order", filter.Order == SortOrder.Ascending ? "asc" : "desc");
    }

    public static string Of(IEnumerable<KeyValuePair<string, string>> parameters) =>
        string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"));
}
