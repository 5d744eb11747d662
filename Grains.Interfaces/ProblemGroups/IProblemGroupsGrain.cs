using OrleansEvents.Queries;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// A tenant's open problems grouped by <see cref="ProblemFingerprint"/>, keyed by the tenant id. It counts
/// from memory: rebuilt from the store on activation (and after retention), then kept current by the
/// tenant's stream grains, which report every commit that opens problems and every change that closes
/// or reopens them before they answer their caller.
/// </summary>
[Alias("oe.IProblemGroupsGrain")]
public interface IProblemGroupsGrain : IGrainWithStringKey
{
    /// <summary>
    /// One page of groups, most recently seen first (<see cref="EventFilter.Order"/> ascending: least recently).
    /// Of the filter only severity, min severity, event type (or prefix), since/until (the group was seen in
    /// that span), text (in the event type or the sample message), offset and limit count.
    /// </summary>
    [Alias("List")]
    Task<ProblemGroupPage> ListAsync(EventFilter filter);

    /// <summary>The open group of this fingerprint with up to <paramref name="maxEvents"/> of its newest open events; null when no event of it is open.</summary>
    [Alias("Get")]
    Task<ProblemGroupDetail?> GetAsync(string fingerprint, int maxEvents);

    /// <summary>The streams that hold events of the group: open ones, or with <paramref name="resolved"/> resolved ones (read from the store).</summary>
    [Alias("GetStreams")]
    Task<IReadOnlyList<string>> GetStreamsAsync(string fingerprint, bool resolved);

    /// <summary>
    /// Counts problems streams have just committed, each report as if it came alone; ones already counted (by a
    /// rebuild that read them) are skipped. Each silo's writer sends one call per transaction, and transactions
    /// that wait behind a call go together in the next (<c>ProblemReporter</c>).
    /// </summary>
    [Alias("Opened")]
    Task OpenedAsync(IReadOnlyList<StreamProblems> reports);

    /// <summary>Counts a stream's open problems again from the store, after problems of it were resolved, reopened, edited or deleted.</summary>
    [Alias("RecountStream")]
    Task RecountStreamAsync(string stream);

    /// <summary>
    /// Holds back change notifications of the group while an operation on it runs in many streams, so
    /// that subscribers hear of the whole operation once (<see cref="ReleaseAsync"/>). A hold lapses by itself after a minute.
    /// </summary>
    [Alias("Hold")]
    Task HoldAsync(string fingerprint);

    /// <summary>Ends a <see cref="HoldAsync"/>; the group's change, if any, goes out now.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string fingerprint);
}
