using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Retention;
using OrleansEvents.Storage;
using StreamId = OrleansEvents.Events.StreamId;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// A tenant's problem groups, in memory (docs/architecture.md §4). Activation counts them from the store;
/// the stream grains then report each commit and change. A rebuild and a report cannot cross wrongly: a
/// stream awaits each report before its next change, so a report that waits behind a rebuild describes a
/// commit the rebuild either saw (its versions are skipped as counted) or did not (it is added).
/// </summary>
[GrainType("events.problems")]
public sealed partial class ProblemGroupsGrain(
    IEventLog log, RetentionEpoch retention, IOptions<EventsOptions> events, IOptions<ProblemGroupsOptions> options,
    [FromKeyedServices(EventClock.Key)] TimeProvider clock, ILogger<ProblemGroupsGrain> logger) : Grain, IProblemGroupsGrain
{
    private const int NewestPages = 10;

    private readonly ProblemIndex _index = new();
    private long _loadedAtRetentionEpoch;

    private string TenantId => this.GetPrimaryKeyString();

    private Severity ProblemSeverity => events.Value.ProblemSeverity;

    private IReadOnlyList<string> Keys => options.Value.FingerprintKeys;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _loadedAtRetentionEpoch = retention.Current;
        await CountAllAsync(cancellationToken);
    }

    public async Task<ProblemGroupPage> ListAsync(EventFilter filter)
    {
        await EnsureCurrentAsync();
        return _index.List(filter, clock.GetUtcNow());
    }

    public async Task<ProblemGroupDetail?> GetAsync(string fingerprint, int maxEvents)
    {
        await EnsureCurrentAsync();
        if (_index.Summary(fingerprint, clock.GetUtcNow()) is not { } group)
        {
            return null;
        }

        // Newest first through the event-type index; the fingerprint's kind and keys sort out the rest.
        var found = new List<StoredEvent>();
        var filter = new EventFilter { EventType = group.EventType, Resolved = false, MinSeverity = ProblemSeverity, Limit = EventFilter.MaxLimit };
        for (var page = 0; page < NewestPages && found.Count < maxEvents; page++)
        {
            var events = await log.QueryAsync(TenantId, filter);
            found.AddRange(events.Events.Where(e => ProblemFingerprint.Of(e, Keys) == fingerprint).Take(maxEvents - found.Count));
            if (events.NextCursor is not { } next)
            {
                break;
            }

            filter = filter with { BeforeId = next };
        }

        return new ProblemGroupDetail(group, found);
    }

    public async Task<IReadOnlyList<string>> GetStreamsAsync(string fingerprint, bool resolved)
    {
        await EnsureCurrentAsync();
        if (!resolved)
        {
            return _index.StreamsOf(fingerprint);
        }

        return ProblemFingerprint.TryParse(fingerprint, out var kind, out var eventType)
            ? await log.GetProblemStreamsAsync(TenantId, kind, eventType, resolved: true, ProblemSeverity)
            : [];
    }

    public async Task OpenedAsync(IReadOnlyList<StreamProblems> reports)
    {
        await EnsureCurrentAsync();
        var now = clock.GetUtcNow();
        foreach (var (stream, occurrences) in reports)
        {
            foreach (var occurrence in occurrences)
            {
                if (!_index.Counted(occurrence.Fingerprint, stream, occurrence.Version))
                {
                    _index.Add(stream, occurrence, now);
                }

                // Counted already by the activation this report woke, but news to subscribers all the same.
                Changed(occurrence.Fingerprint);
            }
        }
    }

    public async Task RecountStreamAsync(string stream)
    {
        await EnsureCurrentAsync();
        var parts = await CountAsync(StreamId.Parse(stream));
        var before = Summaries();
        foreach (var fingerprint in _index.RemoveStream(stream))
        {
            before.TryAdd(fingerprint, null);
        }

        Fill(parts);
        ChangedSince(before);
    }

    /// <summary>Counts again when retention has deleted rows since they were counted.</summary>
    private async Task EnsureCurrentAsync()
    {
        if (retention.Current != _loadedAtRetentionEpoch)
        {
            _loadedAtRetentionEpoch = retention.Current;
            var before = Summaries();
            await CountAllAsync();
            ChangedSince(before);
        }
    }

    private async Task CountAllAsync(CancellationToken cancellationToken = default)
    {
        var parts = await CountAsync(null, cancellationToken);
        _index.Clear();
        Fill(parts);
        LogCounted(logger, TenantId, parts.Select(p => p.Fingerprint).Distinct().Count(), parts.Count);
    }

    /// <summary>Reads the open problems (of one stream, or all) from the store as parts, with each part's newest message.</summary>
    private async Task<List<(string Fingerprint, string Stream, StreamPart Part)>> CountAsync(StreamId? stream, CancellationToken cancellationToken = default)
    {
        var windowStart = ProblemIndex.WindowStart(clock.GetUtcNow());
        var rows = await log.CountOpenProblemsAsync(
            TenantId, stream, ProblemSeverity, Keys, DateTimeOffset.UnixEpoch.AddHours(windowStart), cancellationToken);
        var parts = new Dictionary<(string, string), StreamPart>();
        foreach (var row in rows)
        {
            var fingerprint = ProblemFingerprint.Of(StreamId.Parse(row.Stream).Kind, row.EventType, ContextOf(row.KeyValues), Keys);
            if (!parts.TryGetValue((fingerprint, row.Stream), out var part))
            {
                parts[(fingerprint, row.Stream)] = part = new StreamPart();
            }

            part.Add(row);
        }

        foreach (var chunk in parts.Values.Chunk(500))
        {
            var newest = (await log.GetManyAsync(TenantId, chunk.Select(p => p.SampleId).ToList(), cancellationToken)).ToDictionary(e => e.Id);
            foreach (var part in chunk)
            {
                part.SampleMessage = newest.GetValueOrDefault(part.SampleId)?.Message ?? "";
            }
        }

        return parts.Select(p => (p.Key.Item1, p.Key.Item2, p.Value)).ToList();
    }

    private void Fill(List<(string Fingerprint, string Stream, StreamPart Part)> parts)
    {
        foreach (var (fingerprint, stream, part) in parts)
        {
            _index.Put(fingerprint, stream, part);
        }
    }

    /// <summary>The key values as the store gave them (JSON text), as a context object the fingerprint reads.</summary>
    private JsonElement? ContextOf(IReadOnlyList<string?> values)
    {
        if (values.Count == 0 || values.All(v => v is null))
        {
            return null;
        }

        var json = new StringBuilder("{");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                json.Append(json.Length > 1 ? "," : "").Append(JsonSerializer.Serialize(Keys[i])).Append(':').Append(value);
            }
        }

        return JsonDocument.Parse(json.Append('}').ToString()).RootElement.Clone();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Problem groups of tenant {TenantId} counted from the store: {Groups} groups in {Parts} stream parts")]
    private static partial void LogCounted(ILogger logger, string tenantId, int groups, int parts);
}
