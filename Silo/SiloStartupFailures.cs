using OrleansEvents.Hosting;
using OrleansEvents.Storage.Migrations;

namespace OrleansEvents.Silo;

/// <summary>The fixable start-up failures only a silo has: storage settings, the schema, Orleans' ports.</summary>
internal static class SiloStartupFailures
{
    /// <summary>Loopback only, as every default.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5000";

    public static string? Describe(Exception exception) =>
        exception is StorageConfigurationException or AppliedScriptChangedException or PortInUseException ? exception.Message : null;
}
