using Microsoft.Extensions.Logging;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Queries;
using OrleansEvents.Storage;
using OrleansEvents.Validation;

namespace OrleansEvents.Streams;

/// <summary>
/// The stream's part in its tenant's problem groups (docs/architecture.md §4). Every report to the
/// <see cref="IProblemGroupsGrain"/> (a commit's, which the writer sends, or a recount after a change) is awaited
/// under the state gate, before the caller is answered: so a stream's reports arrive in the order of its commits,
/// one at a time, and a caller that reads the groups after its append or resolve sees it counted.
/// </summary>
public abstract partial class StreamEventsGrain
{
    // A report failed: the groups may have missed this stream's last change, so the next one recounts.
    private bool _problemsUnreported;

    private IProblemGroupsGrain? _problemGroups;

    // Kept: making the reference resolves the interface's grain type by name, at every commit otherwise.
    private IProblemGroupsGrain ProblemGroups => _problemGroups ??= GrainFactory.GetGrain<IProblemGroupsGrain>(TenantId);

    public Task<long> ResolveProblemGroupAsync(string fingerprint, ResolvedBy resolvedBy, string? note = null, string? resolvedByKey = null) =>
        UnderGateAsync(async () =>
        {
            var resolution = new Resolution(resolvedBy, note, resolvedByKey);
            EventValidator.EnsureValid(resolution);
            var ids = await GroupEventIdsAsync(fingerprint, resolved: false);
            if (ids.Count == 0)
            {
                return 0L;
            }

            var changed = await services.Log.ResolveAsync(TenantId, ids, resolution);
            await ApplyResolutionChangesAsync(changed, NotificationKind.Resolved);
            return (long)changed.Count;
        });

    public Task<long> UnresolveProblemGroupAsync(string fingerprint) => UnderGateAsync(async () =>
    {
        var ids = await GroupEventIdsAsync(fingerprint, resolved: true);
        if (ids.Count == 0)
        {
            return 0L;
        }

        var changed = await services.Log.UnresolveAsync(TenantId, ids);
        await ApplyResolutionChangesAsync(changed, NotificationKind.Unresolved);
        return (long)changed.Count;
    });

    /// <summary>Every problem of this stream in the group, open or resolved, read page by page in id order.</summary>
    private async Task<List<long>> GroupEventIdsAsync(string fingerprint, bool resolved)
    {
        var ids = new List<long>();
        if (!ProblemFingerprint.TryParse(fingerprint, out var kind, out var eventType) || kind != Stream.Kind)
        {
            return ids;
        }

        var filter = new EventFilter
        {
            Stream = Stream, EventType = eventType, Resolved = resolved, MinSeverity = services.Options.ProblemSeverity,
            Limit = EventFilter.MaxLimit, Order = SortOrder.Ascending,
        };
        while (true)
        {
            var page = await services.Log.QueryAsync(TenantId, filter);
            ids.AddRange(page.Events.Where(e => FingerprintOf(e) == fingerprint).Select(e => e.Id));
            if (page.NextCursor is not { } next)
            {
                return ids;
            }

            filter = filter with { AfterId = next };
        }
    }

    /// <summary>
    /// The writer counted the commit's new problems before it answered (<see cref="ProblemReporter"/>); when that
    /// report failed, or one before it did, the groups may lack some of this stream, which then counts itself again.
    /// </summary>
    private async Task AfterCommitReportedAsync(IReadOnlyList<AppendOutcome> outcomes)
    {
        if (outcomes.Any(o => o.ProblemsUnreported))
        {
            _problemsUnreported = true;
        }
        else if (_problemsUnreported)
        {
            await ReportRecountAsync();
        }
    }

    private Task ReportRecountAsync() => ReportAsync(() => ProblemGroups.RecountStreamAsync(Stream.ToString()));

    /// <remarks>The change itself has committed; a failed report must not fail it, only make the next report a recount.</remarks>
    private async Task ReportAsync(Func<Task> report)
    {
        try
        {
            await report();
            _problemsUnreported = false;
        }
        catch (Exception exception)
        {
            _problemsUnreported = true;
            LogProblemsUnreported(services.Logger, Stream.ToString(), exception.Message);
        }
    }

    private bool IsProblem(StoredEvent stored) => ProblemReporter.IsProblem(stored.Severity, services.Options.ProblemSeverity);

    private string FingerprintOf(StoredEvent stored) => ProblemFingerprint.Of(stored, services.ProblemGroups.FingerprintKeys);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream {Stream} could not report to its problem groups, which count it again at its next change: {Reason}")]
    private static partial void LogProblemsUnreported(ILogger logger, string stream, string reason);
}
