using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

/// <summary>
/// The behaviour all five stream grains share (docs/architecture.md §4). State is only ever derived from the
/// store, so a reactivated grain answers exactly as before; the store's unique versions keep a
/// second activation (split brain) from losing or duplicating anything.
/// </summary>
public abstract partial class StreamEventsGrain(StreamGrainServices services) : Grain, IStreamEventsGrain
{
    // Serializes everything that changes or reads the in-memory state: the append commit loop
    // (appends interleave) and the turns of resolutions, edits, deletes and queries.
    private readonly SemaphoreSlim _stateGate = new(1, 1);
    private StreamState? _state;
    private long _loadedAtRetentionEpoch;

    protected abstract StreamKind Kind { get; }

    protected string TenantId { get; private set; } = "";

    protected StreamId Stream { get; private set; }

    private StreamState State => _state ?? throw new InvalidOperationException("The grain is not active.");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (tenantId, streamKey) = StreamGrainKey.Parse(this.GetPrimaryKeyString());
        TenantId = tenantId;
        Stream = new StreamId(Kind, streamKey);
        await LoadAsync(withDetails: false, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(long fromVersion, int maxCount) =>
        services.Log.ReadStreamAsync(TenantId, Stream, Math.Max(1, fromVersion), Math.Clamp(maxCount, 0, Queries.EventFilter.MaxLimit));

    public Task<long> GetVersionAsync() => Task.FromResult(State.Version);

    public Task<UnresolvedProblems> GetUnresolvedAsync(int maxCount = UnresolvedProblems.DefaultListSize) => UnderGateAsync(async () =>
    {
        await EnsureDetailsAsync();
        if (State.ProblemListIncomplete)
        {
            State.ReplaceProblemList(await services.Log.GetUnresolvedAsync(
                TenantId, Stream, services.Options.ProblemSeverity, services.Options.OpenProblemsKept));
        }

        return State.Unresolved(maxCount);
    });

    public Task<StreamSummary> GetSummaryAsync() => UnderGateAsync(async () =>
    {
        await EnsureDetailsAsync();
        return State.Summary();
    });

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_committing is { } committing)
        {
            await committing.WaitAsync(cancellationToken);
        }
    }

    private async Task<T> UnderGateAsync<T>(Func<Task<T>> work)
    {
        await _stateGate.WaitAsync();
        try
        {
            return await work();
        }
        finally
        {
            _stateGate.Release();
        }
    }

    /// <summary>Counts again when retention has deleted rows since they were loaded.</summary>
    private async Task EnsureCurrentAsync()
    {
        if (services.Retention.Current != _loadedAtRetentionEpoch)
        {
            await ReloadAsync();
        }
    }

    /// <summary>Counts and open problems, read from the store the first time they are needed.</summary>
    private async Task EnsureDetailsAsync()
    {
        await EnsureCurrentAsync();
        if (!State.HasDetails)
        {
            await LoadAsync(withDetails: true);
        }
    }

    /// <summary>Throws away what the grain knows and reads it again from the store (as much as it had).</summary>
    private Task ReloadAsync() => LoadAsync(State.HasDetails);

    private async Task LoadAsync(bool withDetails, CancellationToken cancellationToken = default)
    {
        var epoch = services.Retention.Current;
        var state = new StreamState(Stream, services.Options.ProblemSeverity, services.Options.OpenProblemsKept);
        var version = await services.Log.GetStreamVersionAsync(TenantId, Stream, cancellationToken);
        if (withDetails)
        {
            var counts = await services.Log.CountStreamAsync(TenantId, Stream, cancellationToken);
            var open = await services.Log.GetUnresolvedAsync(TenantId, Stream, services.Options.ProblemSeverity, services.Options.OpenProblemsKept, cancellationToken);
            state.Load(version, counts, open);
        }
        else
        {
            state.LoadHead(version);
        }

        _state = state;
        _loadedAtRetentionEpoch = epoch;
    }
}
