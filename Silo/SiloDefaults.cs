namespace OrleansEvents.Silo;

/// <summary>What the silo does when nothing is configured.</summary>
internal static class SiloDefaults
{
    /// <summary>Loopback only: the gateway is reachable from elsewhere only when an operator says so.</summary>
    public const string Urls = "http://127.0.0.1:5000";
}
