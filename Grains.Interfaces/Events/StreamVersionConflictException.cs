namespace OrleansEvents.Events;

/// <summary>An append named an expected stream version that someone else has already moved past.</summary>
public sealed class StreamVersionConflictException(StreamId stream, long expectedVersion, long actualVersion)
    : Exception($"Stream {stream} is at version {actualVersion}, not the expected {expectedVersion}.")
{
    public StreamId Stream { get; } = stream;

    public long ExpectedVersion { get; } = expectedVersion;

    public long ActualVersion { get; } = actualVersion;
}
