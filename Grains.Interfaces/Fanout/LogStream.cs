namespace OrleansEvents.Fanout;

/// <summary>The runtime stream that carries <see cref="LogNotification"/>s inside a silo.</summary>
public static class LogStream
{
    public const string Namespace = "events";
    public const string Key = "log";
}
