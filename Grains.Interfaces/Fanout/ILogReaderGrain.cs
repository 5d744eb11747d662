using Orleans.Concurrency;
using OrleansEvents.Events;

namespace OrleansEvents.Fanout;

/// <summary>
/// The cluster's one reader of the committed log (key <see cref="ClusterKey"/>): it follows the log in
/// gap-free order and publishes every committed event once on <see cref="LogStream"/>. Silos that commit
/// wake it; its cursor is grain state, so after its silo dies it resumes on a survivor.
/// </summary>
[Alias("oe.ILogReaderGrain")]
public interface ILogReaderGrain : IGrainWithIntegerKey
{
    public const long ClusterKey = 0;

    /// <summary>A silo committed events up to <paramref name="committed"/>; read and publish them now.</summary>
    [OneWay]
    [Alias("Wake")]
    Task WakeAsync(LogPosition committed);

    /// <summary>Where the reader stands; answered between reads, never waiting for one.</summary>
    [AlwaysInterleave]
    [Alias("GetStatus")]
    Task<LogReaderStatus> GetStatusAsync();
}
