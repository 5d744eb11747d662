using System.Globalization;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>
/// One silo of the test cluster with ports of its own, started as an operator starts it
/// (<c>dotnet run --project Silo -- --Orleans:SiloPort=… --Orleans:GatewayPort=… --urls …</c>) and started
/// again on the same ports after a test killed it.
/// </summary>
public sealed class SiloSlot(string directory, string[] settings) : IAsyncDisposable
{
    public int HttpPort { get; } = FreePorts.Next();

    public int SiloPort { get; } = FreePorts.Next();

    public int GatewayPort { get; } = FreePorts.Next();

    public SiloProcess? Process { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public bool IsRunning => Process is { HasExited: false };

    /// <summary>Whether <paramref name="siloAddress"/> (as Orleans writes it, <c>S127.0.0.1:11111:…</c>) is this silo.</summary>
    public bool Is(string siloAddress) =>
        siloAddress.Contains(string.Create(CultureInfo.InvariantCulture, $":{SiloPort}:"), StringComparison.Ordinal)
        || siloAddress.EndsWith(string.Create(CultureInfo.InvariantCulture, $":{SiloPort}"), StringComparison.Ordinal);

    public async Task StartAsync(TimeSpan timeout)
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        Process = SiloProcess.StartOnPort(directory, HttpPort,
        [
            .. settings,
            string.Create(CultureInfo.InvariantCulture, $"--Orleans:SiloPort={SiloPort}"),
            string.Create(CultureInfo.InvariantCulture, $"--Orleans:GatewayPort={GatewayPort}"),
        ]);
        await Process.WaitUntilReadyAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            if (Process.IsPaused)
            {
                Process.Resume();
            }

            await Process.DisposeAsync();
        }
    }
}
