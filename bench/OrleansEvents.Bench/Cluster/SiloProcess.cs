using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Bench.Cluster;

/// <summary>
/// The real silo executable (<c>Silo/bin/&lt;configuration&gt;/net10.0/OrleansEvents.Silo.dll</c>) in a
/// process of its own on PostgreSQL, on free loopback ports, started with the switches the README gives
/// for several silos. Killed when disposed, or by <see cref="ExitGuard"/> when the bench is stopped.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    public const string Key = "bench-cluster-admin-key-0123456789";
    private const int KeptOutputLines = 40;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Action _kill;
    private readonly Dictionary<string, long> _tieredTicks = [];

    private SiloProcess(string name, Process process, int httpPort, int siloPort)
    {
        Name = name;
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}");
        SiloPort = siloPort;
        _kill = () => process.Kill(entireProcessTree: true);
    }

    /// <summary>What the bench's tables call it: A or B.</summary>
    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public int SiloPort { get; }

    public static SiloProcess Start(string name, string assembly, string connectionString, string workingDirectory) =>
        Start(name, assembly, workingDirectory, ["--Storage:Provider=postgres", $"--ConnectionStrings:Events={connectionString}"]);

    /// <summary>The same on the store that <paramref name="storage"/> names, e.g. none: the embedded SQLite file under <paramref name="workingDirectory"/>.</summary>
    public static SiloProcess Start(string name, string assembly, string workingDirectory, IReadOnlyList<string> storage)
    {
        int httpPort = FreePorts.Next(), siloPort = FreePorts.Next(), gatewayPort = FreePorts.Next();
        return Launch(name, workingDirectory, httpPort, siloPort,
        [
            assembly, .. storage,
            $"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}", "--urls", $"http://127.0.0.1:{httpPort}",
            $"--Auth:ApiKeys:0:Key={Key}", "--Auth:ApiKeys:0:Role=admin", "--Gateway:RateLimit:Enabled=false",
            "--Orleans:Dashboard:Enabled=false", "--Gateway:HubStatsInterval=01:00:00",
        ]);
    }

    /// <summary>
    /// Not a silo: the bench's own <see cref="Reference.ReferenceServerCommand"/> (a hand-written HTTP append
    /// server) in a process of its own on a free loopback port, measured the same way. It has no silo port.
    /// </summary>
    public static SiloProcess StartReferenceServer(string connectionString, string workingDirectory)
    {
        var httpPort = FreePorts.Next();
        return Launch("reference", workingDirectory, httpPort, siloPort: 0,
            [typeof(SiloProcess).Assembly.Location, Reference.ReferenceServerCommand.Name, "--postgres", connectionString, "--urls", $"http://127.0.0.1:{httpPort}"]);
    }

    private static SiloProcess Launch(string name, string workingDirectory, int httpPort, int siloPort, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(name, process, httpPort, siloPort);
        process.OutputDataReceived += (_, e) => silo.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Keep(e.Data);
        process.Start();
        ExitGuard.Add(silo._kill);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200 and counts <paramref name="activeSilos"/> active silos (null: answers 200).</summary>
    public async Task WaitUntilReadyAsync(int? activeSilos, TimeSpan timeout)
    {
        using var client = Client(TimeSpan.FromSeconds(5));
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        int? seen = null;
        while (Stopwatch.GetTimestamp() < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK && activeSilos is null)
                {
                    return;
                }

                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var ready = await response.Content.ReadFromJsonAsync<JsonElement>();
                    seen = ready.GetProperty("checks").GetProperty("silo").GetProperty("data").GetProperty("active_silos").GetInt32();
                    if (seen == activeSilos)
                    {
                        return;
                    }
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or KeyNotFoundException or JsonException)
            {
                // Not listening yet, or not ready to say.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"Silo {Name} was not ready with {activeSilos} active silos (last seen: {seen?.ToString(CultureInfo.InvariantCulture) ?? "none"}) " +
                                   $"{(_process.HasExited ? "and exited" : $"in {timeout}")}. Its last lines:\n{string.Join('\n', Output())}");
    }

    /// <summary>The address of the silo the cluster's log reader runs on, as this silo's readiness reports it to an admin.</summary>
    public async Task<string> LogReaderSiloAsync()
    {
        using var client = Client(TimeSpan.FromSeconds(10));
        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        return ready.GetProperty("checks").GetProperty("log_reader").GetProperty("data").GetProperty("reader_silo").GetString() ?? "";
    }

    /// <summary>Whether <paramref name="siloAddress"/> (as Orleans prints it: <c>S127.0.0.1:port:generation</c>) is this silo.</summary>
    public bool Is(string siloAddress) => siloAddress.Contains($":{SiloPort}:", StringComparison.Ordinal) || siloAddress.Contains($":{SiloPort}@", StringComparison.Ordinal);

    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>
    /// CPU of the runtime's tiered compilation thread (<c>.NET Tiered Compilation Worker</c>, <c>.NET Tiered Com</c>
    /// in <c>/proc</c>), where methods called often are compiled again optimized: the JIT work that
    /// lasts after a warm-up and that <see cref="System.Runtime.JitInfo"/> cannot report from outside
    /// the process. The thread exits after a few idle seconds and a new one starts on demand, so each
    /// thread's last reading is kept and the sum only grows.
    /// </summary>
    public TimeSpan TieredCompilationTime()
    {
        foreach (var thread in Directory.EnumerateDirectories($"/proc/{_process.Id}/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(thread, "comm")).StartsWith(".NET Tiered", StringComparison.Ordinal))
                {
                    continue;
                }

                _tieredTicks[Path.GetFileName(thread)] = ProcStat.Parse(File.ReadAllText(Path.Combine(thread, "stat"))).Ticks;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // The thread ended between listing and reading.
            }
        }

        return ProcStat.ToTime(_tieredTicks.Values.Sum());
    }

    /// <summary>The silo built in the bench's own configuration: bin/&lt;configuration&gt;/net10.0 of the Silo project.</summary>
    public static string BuiltAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansEvents.sln")))
        {
            root = root.Parent;
        }

        return root is null ? "Silo/bin/(not found)/OrleansEvents.Silo.dll" : Path.Combine(root.FullName, "Silo", "bin", configuration, "net10.0", "OrleansEvents.Silo.dll");
    }

    public async ValueTask DisposeAsync()
    {
        ExitGuard.Remove(_kill);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"silo {Name} (pid {_process.Id}) did not exit within 30 s of SIGKILL");
            }
        }

        _process.Dispose();
    }

    private HttpClient Client(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout };
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        return client;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    private string[] Output()
    {
        lock (_output)
        {
            return [.. _output];
        }
    }
}
