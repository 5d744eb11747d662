using OrleansEvents.Bench.Append;
using OrleansEvents.Events;

namespace OrleansEvents.Bench.Load;

/// <summary>A request's events: the append bench's sample event, each to a stream drawn at random and with an id of its own.</summary>
public static class LoadEvents
{
    /// <remarks>The id is what makes a retry safe: a request sent again stores nothing twice.</remarks>
    public static NewEvent[] Draw(Random random, string[] leads, int events) =>
        [.. Enumerable.Range(0, events).Select(_ => SampleEvents.For(leads[random.Next(leads.Length)]) with { EventId = Guid.CreateVersion7().ToString() })];
}
