namespace OrleansEvents.Runtime.Streams;

/// <summary>Settings of in-memory streams, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class StreamOptions
{
    /// <summary>The configuration section: <c>Runtime:Streams</c>.</summary>
    public const string SectionName = "Runtime:Streams";

    /// <summary>
    /// Items buffered per subscriber before the oldest are dropped. Default 1000.
    /// </summary>
    public int SubscriberBufferCapacity { get; set; } = 1000;
}
