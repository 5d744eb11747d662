namespace OrleansEvents.Events;

/// <summary>
/// The event store cannot be reached; nothing of the operation was stored. It carries the driver's
/// reason in its message, never the driver's exception: it crosses grain calls, and Orleans has no
/// codec for Npgsql's or SQLite's exceptions, so a caller on another silo would get a codec error
/// (a 500) instead of this.
/// </summary>
[GenerateSerializer]
[Alias("oe.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message) : Exception(message)
{
    public static StorageUnavailableException Because(string store, Exception cause) =>
        new($"{store} is unavailable ({cause.GetType().Name}): {cause.Message}");
}
