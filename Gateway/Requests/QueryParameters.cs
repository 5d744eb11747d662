using Microsoft.AspNetCore.Http;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>The query parameters of the event endpoints, by the endpoints that accept them.</summary>
public static class QueryParameters
{
    /// <summary>Stands for every <c>context.&lt;key&gt;</c> parameter in the lists below and in the OpenAPI document.</summary>
    public const string ContextFilter = "context.{key}";

    /// <summary>What an event must match (GET /api/events, export, SSE).</summary>
    public static readonly string[] Filters =
    [
        "severity", "min_severity", "category", "event_type", "stream", "lead_id", "session_id", "device_id",
        "account_id", "workflow_id", "source", "resolved", "resolved_by", "resolved_by_key", "since", "until", "q",
        ContextFilter,
    ];

    /// <summary>How a page is cut (GET /api/events).</summary>
    public static readonly string[] Paging = ["after_id", "before_id", "offset", "limit", "order", "include_total"];

    public static readonly string[] Query = [.. Filters, .. Paging];

    public static readonly string[] Export = [.. Filters, "after_id", "before_id", "order", "limit", "format"];

    public static readonly string[] Unresolved = ["severity", "category", "lead_id", "session_id", "device_id", "limit"];

    public static readonly string[] AdminEvents = ["limit", "lead_id"];

    public static readonly string[] LiveStream = [.. Filters, "after", "access_token"];

    /// <summary>An error for each parameter of <paramref name="query"/> that <paramref name="known"/> does not list.</summary>
    public static List<FieldError> Unknown(IQueryCollection query, IReadOnlyCollection<string> known) =>
        query.Keys.Where(name => !known.Contains(name)).Select(name => new FieldError(name, UnknownRule(known))).ToList();

    /// <summary>The rule an unknown parameter breaks, naming the ones the endpoint takes.</summary>
    public static string UnknownRule(IReadOnlyCollection<string> known) => known.Count == 0
        ? "is not a known parameter; this endpoint takes none"
        : $"is not a known parameter; known: {string.Join(", ", known)}";
}
