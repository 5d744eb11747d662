using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Cluster;

namespace OrleansEvents.Gateway.Hosting;

/// <summary>
/// Turns the start-up failures an operator can fix (bad settings, unreachable store or cluster, port
/// taken) into one line on stderr and exit code 1; anything else is a bug and keeps its stack trace.
/// </summary>
public static class StartupFailure
{
    /// <param name="run">Builds and runs the host.</param>
    /// <param name="describe">The process's own fixable failures: their one line, or null for any other exception.</param>
    public static async Task<int> ReportAsync(Func<Task> run, Func<Exception, string?>? describe = null)
    {
        try
        {
            await run();
            return 0;
        }
        catch (Exception exception) when (Describe(exception, describe) is { } line)
        {
            await Console.Error.WriteLineAsync($"orleans-events: {line}");
            return 1;
        }
    }

    private static string? Describe(Exception exception, Func<Exception, string?>? describe) => describe?.Invoke(exception) ?? exception switch
    {
        GatewayConfigurationException or StorageUnavailableException => exception.Message,
        OptionsValidationException options => $"invalid configuration: {string.Join("; ", options.Failures)}",
        IOException io when io.Message.Contains("address", StringComparison.OrdinalIgnoreCase) => io.Message,
        AddressInUseException => "Orleans cannot listen: a port it needs is in use. Give Orleans:SiloPort and Orleans:GatewayPort " +
                                 "free ports (defaults 11111 and 30000), e.g. --Orleans:SiloPort=11112 --Orleans:GatewayPort=30001.",
        Orleans.Runtime.SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException =>
            $"no silo of the cluster answered ({exception.Message}). Start a silo on the same ConnectionStrings:Events, Orleans:ClusterId and Orleans:ServiceId first.",
        Npgsql.NpgsqlException database =>
            $"cannot read the cluster's membership table through ConnectionStrings:Events: {database.Message}",
        { InnerException: { } inner } when exception is Orleans.Runtime.OrleansException or AggregateException => Describe(inner, describe),
        _ => null,
    };
}
