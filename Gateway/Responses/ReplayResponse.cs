using System.Text.Json.Serialization;
using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Gateway.Responses;

/// <summary>
/// A replay's answer: a dry run tells how many events would be replayed (<c>message</c>, a sample);
/// a real one its <c>replay_id</c> and counts.
/// </summary>
public sealed record ReplayResponse(
    long EventsFound,
    long EventsReplayed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EventsFailed,
    bool DryRun,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplayId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<StoredEvent>? Sample)
{
    public static ReplayResponse Of(ReplayReport report) => report.DryRun
        ? new(report.EventsFound, 0, null, true, null, null,
            DryRunMessage(report), report.Sample)
        : new(report.EventsFound, report.EventsReplayed, report.EventsFailed, false, report.ReplayId,
            report.State.ToString().ToLowerInvariant(), null, null);

    private static string DryRunMessage(ReplayReport report) => report.EventsPlanned < report.EventsFound
        ? $"Dry run: {report.EventsFound} events match; the first {report.EventsPlanned} would be replayed (the cap). Send dry_run: false to replay them."
        : $"Dry run: {report.EventsFound} events would be replayed. Send dry_run: false to replay them.";
}
