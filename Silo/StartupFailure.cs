using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Hosting;
using OrleansEvents.Storage.Migrations;

namespace OrleansEvents.Silo;

/// <summary>
/// Turns the start-up failures an operator can fix (bad settings, unreachable store, port taken)
/// into one line on stderr and exit code 1; anything else is a bug and keeps its stack trace.
/// </summary>
internal static class StartupFailure
{
    public static async Task<int> ReportAsync(Func<Task> run)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception exception) when (Describe(exception) is { } line)
        {
            await Console.Error.WriteLineAsync($"orleans-events: {line}");
            return 1;
        }
    }

    private static string? Describe(Exception exception) => exception switch
    {
        StorageConfigurationException or StorageUnavailableException or AppliedScriptChangedException or PortInUseException => exception.Message,
        OptionsValidationException options => $"invalid configuration: {string.Join("; ", options.Failures)}",
        IOException io when io.Message.Contains("address", StringComparison.OrdinalIgnoreCase) => io.Message,
        AddressInUseException => "Orleans cannot listen: a port it needs is in use. Give Orleans:SiloPort and Orleans:GatewayPort " +
                                 "free ports (defaults 11111 and 30000), e.g. --Orleans:SiloPort=11112 --Orleans:GatewayPort=30001.",
        { InnerException: { } inner } when exception is Orleans.Runtime.OrleansException or AggregateException => Describe(inner),
        _ => null,
    };
}
