using System.Net;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>What every failure test demands of a load run, whatever it broke on the way.</summary>
public static class LoadVerdict
{
    /// <summary>
    /// Every refusal was a 503 or no answer; every acknowledged append is stored, once, with a gap-free
    /// version; and both live clients received exactly the stored events, once each, in log order,
    /// without a resync.
    /// </summary>
    public static void AssertNothingLostOrDoubled(LoadWriters writers, StoredLoad stored, LiveWatchers watchers)
    {
        var wrong = writers.Refusals.Where(refusal => refusal.Status is { } status && status != HttpStatusCode.ServiceUnavailable).ToList();
        Assert.True(wrong.Count == 0, $"Refusals other than 503: {string.Join("; ", wrong.Take(5))}");

        var storedIds = stored.Rows.Select(row => row.EventId).ToList();
        Assert.Equal(storedIds.Count, storedIds.Distinct(StringComparer.Ordinal).Count());
        var missing = writers.AcknowledgedAppends.Select(a => a.EventId).Except(storedIds, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged appends are not stored, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Empty(stored.StreamsWithGaps());

        var logOrder = stored.Rows.Select(row => row.Id).ToList();
        AssertSameSequence("SignalR", logOrder, watchers.HubIds);
        AssertSameSequence("SSE", logOrder, watchers.SseIds);
        Assert.True(watchers.HubResyncs == 0 && watchers.SseResyncs == 0,
            $"Live clients were told to resync (SignalR {watchers.HubResyncs}, SSE {watchers.SseResyncs}): {string.Join("; ", watchers.ResyncNotices)}");
    }

    private static void AssertSameSequence(string client, IReadOnlyList<long> expected, IReadOnlyList<long> received)
    {
        if (expected.SequenceEqual(received))
        {
            return;
        }

        var duplicates = received.GroupBy(id => id).Count(group => group.Count() > 1);
        var missing = expected.Except(received).Count();
        var firstDifference = expected.Zip(received).TakeWhile(pair => pair.First == pair.Second).Count();
        Assert.Fail($"The {client} client received {received.Count} events for {expected.Count} stored: {duplicates} twice, " +
                    $"{missing} missing, first difference at {firstDifference}.");
    }
}
