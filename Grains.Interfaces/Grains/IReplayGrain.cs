namespace OrleansEvents.Grains;

/// <summary>
/// One per tenant (key = tenant id): re-publishes stored events to live subscribers, flagged as
/// replayed, never storing them again.
/// </summary>
[Alias("oe.IReplayGrain")]
public interface IReplayGrain : IGrainWithStringKey
{
    /// <summary>Counts the matches and shows the first few; stores and publishes nothing.</summary>
    Task<ReplayReport> DryRunAsync(ReplayRequest request);

    /// <summary>
    /// Re-publishes the matches in stored order. Up to the cap it completes before returning; a larger
    /// replay continues in the background (see <see cref="GetProgressAsync"/>).
    /// </summary>
    Task<ReplayReport> ReplayAsync(ReplayRequest request, string requestedBy);

    /// <summary>Progress of a replay started here; null when the id is unknown.</summary>
    Task<ReplayReport?> GetProgressAsync(string replayId);

    /// <summary>Stops a background replay; false when it is unknown or already finished.</summary>
    Task<bool> CancelAsync(string replayId);
}
