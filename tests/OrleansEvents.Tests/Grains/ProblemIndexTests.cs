using OrleansEvents.Events;
using OrleansEvents.ProblemGroups;

namespace OrleansEvents.Tests.Grains;

/// <summary>
/// The index keeps each group's totals as parts come and go; after any mix of commits, recounts and
/// removals, and as the sparkline window moves, a summary must equal one counted from scratch.
/// </summary>
public sealed class ProblemIndexTests
{
    private static readonly string[] Fingerprints = ["lead:send_failed", "lead:timeout", "device:offline"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void SummariesEqualWhatTheOpenProblemsCountFromScratch(int seed)
    {
        var random = new Random(seed);
        var index = new ProblemIndex();
        var open = new Dictionary<(string Fingerprint, string Stream), List<ProblemOccurrence>>();
        var now = new DateTimeOffset(2026, 12, 2, 12, 30, 0, TimeSpan.Zero);
        long nextId = 1;

        for (var step = 0; step < 3_000; step++)
        {
            var stream = $"lead/s{random.Next(12)}";
            var fingerprint = Fingerprints[random.Next(Fingerprints.Length)];
            switch (random.Next(20))
            {
                case 0:
                    // A recount of one stream: its parts as the store counts them now.
                    var recounted = open.Where(p => p.Key.Stream == stream).ToList();
                    index.RemoveStream(stream);
                    foreach (var (key, occurrences) in recounted.Where(_ => random.Next(3) > 0))
                    {
                        index.Put(key.Fingerprint, stream, PartOf(occurrences, now));
                    }

                    foreach (var (key, _) in recounted.Where(p => !HasPart(index, p.Key.Fingerprint, stream)))
                    {
                        open.Remove(key);
                    }

                    break;
                case 1:
                    foreach (var key in open.Keys.Where(k => k.Stream == stream).ToList())
                    {
                        open.Remove(key);
                    }

                    index.RemoveStream(stream);
                    break;
                case 2:
                    now = now.AddMinutes(random.Next(1, 180));
                    break;
                default:
                    var occurrence = new ProblemOccurrence(
                        fingerprint, nextId++, nextId, (Severity)random.Next(1, 4), now.AddMinutes(-random.Next(0, 30 * 60)), $"message {nextId}");
                    index.Add(stream, occurrence, now);
                    Occurrences(open, fingerprint, stream).Add(occurrence);
                    break;
            }

            foreach (var group in Fingerprints)
            {
                AssertSummary(Expected(open, group, now), index.Summary(group, now));
            }
        }
    }

    private static bool HasPart(ProblemIndex index, string fingerprint, string stream) =>
        index.StreamsOf(fingerprint).Contains(stream, StringComparer.Ordinal);

    private static StreamPart PartOf(List<ProblemOccurrence> occurrences, DateTimeOffset now)
    {
        var part = new StreamPart();
        foreach (var occurrence in occurrences)
        {
            part.Add(occurrence, ProblemIndex.WindowStart(now));
        }

        return part;
    }

    private static List<ProblemOccurrence> Occurrences(
        Dictionary<(string, string), List<ProblemOccurrence>> open, string fingerprint, string stream)
    {
        if (!open.TryGetValue((fingerprint, stream), out var list))
        {
            open[(fingerprint, stream)] = list = [];
        }

        return list;
    }

    private static ProblemGroup? Expected(Dictionary<(string Fingerprint, string Stream), List<ProblemOccurrence>> open, string fingerprint, DateTimeOffset now)
    {
        var parts = open.Where(p => p.Key.Fingerprint == fingerprint && p.Value.Count > 0).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var all = parts.SelectMany(p => p.Value).ToList();
        var start = ProblemIndex.WindowStart(now);
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, s => (long)all.Count(o => o.Severity == s));
        var newest = all.MaxBy(o => o.Id)!;
        var hourly = Enumerable.Range(0, ProblemIndex.Hours).Select(i => (long)all.Count(o => StreamPart.HourOf(o.Timestamp) == start + i)).ToList();
        ProblemFingerprint.TryParse(fingerprint, out var kind, out var eventType);
        return new ProblemGroup(
            fingerprint, kind, eventType, all.Max(o => o.Severity), all.Count, all.Min(o => o.Timestamp), all.Max(o => o.Timestamp),
            parts.Count, newest.Message, newest.Id, hourly, bySeverity, DateTimeOffset.UnixEpoch.AddHours(start));
    }

    private static void AssertSummary(ProblemGroup? expected, ProblemGroup? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        // The lists are compared by content below; the record compares them by reference.
        Assert.Equal(expected with { Hourly = actual.Hourly, BySeverity = actual.BySeverity }, actual);
        Assert.Equal(expected.Hourly, actual.Hourly);
        Assert.Equal(expected.BySeverity.OrderBy(p => p.Key), actual.BySeverity.OrderBy(p => p.Key));
    }
}
