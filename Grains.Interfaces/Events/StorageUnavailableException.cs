namespace OrleansEvents.Events;

/// <summary>The event store cannot be reached; nothing of the operation was stored.</summary>
[GenerateSerializer]
[Alias("oe.StorageUnavailableException")]
public sealed class StorageUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
