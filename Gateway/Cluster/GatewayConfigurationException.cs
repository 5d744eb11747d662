namespace OrleansEvents.Gateway.Cluster;

/// <summary>A setting the gateway cannot start with; its message says what to fix.</summary>
public sealed class GatewayConfigurationException(string message) : Exception(message);
