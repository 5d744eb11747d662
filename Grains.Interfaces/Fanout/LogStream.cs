namespace OrleansEvents.Fanout;

/// <summary>The Orleans stream (of provider <see cref="StreamProviders.Events"/>) that carries <see cref="LogNotification"/>s.</summary>
public static class LogStream
{
    public const string Namespace = "events";
    public const string Key = "log";

    public static Orleans.Runtime.StreamId Id { get; } = Orleans.Runtime.StreamId.Create(Namespace, Key);
}
