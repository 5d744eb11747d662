using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansEvents.Bench.Client;

/// <summary>The bench's handle on a <see cref="ClientSiloCommand"/> process.</summary>
public sealed class ChildSilo : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private ChildSilo(Process process, string directory, Uri endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<ChildSilo> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("oe-bench-client-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildSilo).Assembly.Location);
        }

        foreach (var argument in new[] { ClientSiloCommand.Name, "--port", port.ToString(CultureInfo.InvariantCulture), "--dir", directory })
        {
            start.ArgumentList.Add(argument);
        }

        // Orleans' own ports too, so the bench never meets another silo on this machine.
        start.Environment["Orleans__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture);
        var silo = new ChildSilo(Process.Start(start)!, directory, new Uri($"http://127.0.0.1:{port}"));
        // Its log lines come first; the rest of its output is read and dropped, so its pipe never fills.
        var output = silo._process.StandardOutput;
        string? line;
        do
        {
            line = await output.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        while (line is not null && line != ClientSiloCommand.Ready);

        if (line is null)
        {
            await silo.DisposeAsync();
            throw new InvalidOperationException("The silo process exited before it was ready.");
        }

        _ = output.BaseStream.CopyToAsync(Stream.Null);
        return silo;
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
