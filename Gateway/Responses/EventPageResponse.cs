using System.Text.Json.Serialization;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Responses;

/// <summary>
/// One page of events. <c>next_cursor</c> is the id to pass as <c>before_id</c> (newest first) or
/// <c>after_id</c> (oldest first) for the next page; null on the last page. <c>total</c> only with
/// <c>include_total=true</c>.
/// </summary>
public sealed record EventPageResponse(
    IReadOnlyList<StoredEvent> Events,
    int Limit,
    int Offset,
    long? NextCursor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Total)
{
    public static EventPageResponse Of(EventPage page, EventFilter filter) =>
        new(page.Events, filter.Limit, filter.Offset, page.NextCursor, filter.IncludeTotal ? page.Total : null);
}
