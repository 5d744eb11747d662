namespace OrleansEvents.Runtime.Streams;

/// <summary>The item-type-independent face of a local stream, for the provider's shutdown.</summary>
internal interface ILocalStream
{
    Task StopAllAsync();
}
