using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// Counts each commit's new problems in the tenants' <see cref="IProblemGroupsGrain"/>s before the writer answers
/// their callers: one call per tenant per commit, not one per stream, and a tenant's callers wait only for its
/// own. A commit's call does not wait for the calls of the commits before it: a stream has one commit in flight
/// at a time, so its reports still arrive in commit order.
/// </summary>
public sealed partial class ProblemReporter
{
    private static readonly IReadOnlyDictionary<string, Task<bool>> NoReports = new Dictionary<string, Task<bool>>();

    private readonly Func<string, IProblemGroupsGrain> _grainOf;
    private readonly Severity _problemSeverity;
    private readonly IReadOnlyList<string> _fingerprintKeys;
    private readonly ILogger _logger;

    public ProblemReporter(IGrainFactory grains, IOptions<EventsOptions> events, IOptions<ProblemGroupsOptions> options, ILogger<ProblemReporter> logger)
        : this(tenantId => grains.GetGrain<IProblemGroupsGrain>(tenantId), events.Value.ProblemSeverity, options.Value.FingerprintKeys, logger)
    {
    }

    internal ProblemReporter(Func<string, IProblemGroupsGrain> grainOf, Severity problemSeverity, IReadOnlyList<string> fingerprintKeys, ILogger logger)
    {
        _grainOf = grainOf;
        _problemSeverity = problemSeverity;
        _fingerprintKeys = fingerprintKeys;
        _logger = logger;
    }

    /// <summary>Warning and worse (or the configured severity and worse) is a problem; info never is.</summary>
    public static bool IsProblem(Severity severity, Severity problemSeverity) => severity >= problemSeverity && severity > Severity.Info;

    /// <summary>
    /// Reports the open problems that a commit of <paramref name="requests"/> stored (not the duplicates): for each
    /// tenant with any, a task that completes when its grain has counted them, with false when that failed and the
    /// tenant's streams must count themselves again. Tenants without new problems are absent. The tasks never throw.
    /// </summary>
    public IReadOnlyDictionary<string, Task<bool>> Report(IReadOnlyList<AppendRequest> requests, IReadOnlyList<AppendOutcome> outcomes)
    {
        if (Opened(requests, outcomes) is not { } opened)
        {
            return NoReports;
        }

        var counted = new Dictionary<string, Task<bool>>(opened.Count, StringComparer.Ordinal);
        foreach (var (tenantId, streams) in opened)
        {
            counted[tenantId] = CountedAsync(tenantId, streams);
        }

        return counted;
    }

    /// <summary>By tenant, each stream's new open problems in commit order; null when the commit opened none.</summary>
    private Dictionary<string, Dictionary<string, List<ProblemOccurrence>>>? Opened(IReadOnlyList<AppendRequest> requests, IReadOnlyList<AppendOutcome> outcomes)
    {
        Dictionary<string, Dictionary<string, List<ProblemOccurrence>>>? opened = null;
        for (var i = 0; i < outcomes.Count; i++)
        {
            foreach (var appended in outcomes[i].Events)
            {
                if (appended is { IsDuplicate: false, Event: var stored } && !stored.Resolved && IsProblem(stored.Severity, _problemSeverity))
                {
                    opened ??= new(StringComparer.Ordinal);
                    var streams = opened.TryGetValue(requests[i].TenantId, out var known) ? known : opened[requests[i].TenantId] = new(StringComparer.Ordinal);
                    var stream = stored.Stream.ToString();
                    var occurrences = streams.TryGetValue(stream, out var list) ? list : streams[stream] = [];
                    occurrences.Add(new ProblemOccurrence(ProblemFingerprint.Of(stored, _fingerprintKeys), stored.Id, stored.Version, stored.Severity, stored.Timestamp, stored.Message));
                }
            }
        }

        return opened;
    }

    private async Task<bool> CountedAsync(string tenantId, Dictionary<string, List<ProblemOccurrence>> streams)
    {
        try
        {
            await _grainOf(tenantId).OpenedAsync([.. streams.Select(stream => new StreamProblems(stream.Key, stream.Value))]);
            return true;
        }
        catch (Exception exception)
        {
            LogUnreported(_logger, streams.Count, tenantId, exception.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "New problems of {Streams} streams of tenant {Tenant} could not be reported; each stream counts itself again at its next change: {Reason}")]
    private static partial void LogUnreported(ILogger logger, int streams, string tenant, string reason);
}
