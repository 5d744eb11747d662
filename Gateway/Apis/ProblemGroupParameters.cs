namespace OrleansEvents.Gateway.Apis;

/// <summary>The query parameters of the problem group endpoints: the filters and paging of GET /api/events that apply to a group.</summary>
public static class ProblemGroupParameters
{
    public static readonly string[] List = ["severity", "min_severity", "event_type", "since", "until", "q", "offset", "limit", "order", "include_total"];

    public static readonly string[] Detail = ["limit"];
}
