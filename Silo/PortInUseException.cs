namespace OrleansEvents.Silo;

/// <summary>A port the silo is configured to listen on is taken; the message names the setting to change.</summary>
internal sealed class PortInUseException(string message) : Exception(message);
