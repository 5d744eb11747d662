using OrleansEvents.Client.Reading;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests.Infrastructure;

/// <summary>Reads back what a test recorded, through the client's own reader, oldest first.</summary>
public static class StoredEvents
{
    public static async Task<List<StoredEvent>> AllAsync(this IEventReader reader, EventFilter filter)
    {
        var found = new List<StoredEvent>();
        await foreach (var stored in reader.QueryAsync(filter with { Limit = EventFilter.MaxLimit, Order = SortOrder.Ascending }))
        {
            found.Add(stored);
        }

        return found;
    }

    /// <summary>A run-unique event type, so a test counts only its own events on a shared silo.</summary>
    public static string UniqueType(string prefix) => $"{prefix}.run_{Guid.NewGuid():N}";
}
