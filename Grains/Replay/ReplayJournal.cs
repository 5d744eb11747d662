using OrleansEvents.Grains;

namespace OrleansEvents.Replay;

/// <summary>
/// The replay grain's persistent state: the newest replays of the tenant and how far each got. A replay
/// found running here by a fresh activation was cut off (its silo died) and is reported failed.
/// </summary>
[GenerateSerializer]
[Alias("oe.ReplayJournal")]
public sealed class ReplayJournal
{
    public const int ReplaysKept = 100;

    [Id(0)]
    public Dictionary<string, ReplayReport> Replays { get; set; } = new(StringComparer.Ordinal);

    public void Record(ReplayReport report)
    {
        Replays[report.ReplayId!] = report;
        // Replay ids are version 7 GUIDs: ordinal order is the order they were started.
        foreach (var oldest in Replays.Keys.Order(StringComparer.Ordinal).Take(Math.Max(0, Replays.Count - ReplaysKept)).ToList())
        {
            Replays.Remove(oldest);
        }
    }
}
