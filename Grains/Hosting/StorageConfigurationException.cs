namespace OrleansEvents.Hosting;

/// <summary>The storage settings cannot work (unknown provider, missing connection string); the message says which setting to fix.</summary>
public sealed class StorageConfigurationException(string message) : Exception(message);
