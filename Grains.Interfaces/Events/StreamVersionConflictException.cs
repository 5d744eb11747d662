namespace OrleansEvents.Events;

/// <summary>An append named an expected stream version that someone else has already moved past.</summary>
[GenerateSerializer]
[Alias("oe.StreamVersionConflictException")]
public sealed class StreamVersionConflictException(StreamId stream, long expectedVersion, long actualVersion)
    : Exception($"Stream {stream} is at version {actualVersion}, not the expected {expectedVersion}.")
{
    [Id(0)]
    public StreamId Stream { get; } = stream;

    [Id(1)]
    public long ExpectedVersion { get; } = expectedVersion;

    [Id(2)]
    public long ActualVersion { get; } = actualVersion;
}
