using System.Diagnostics;
using System.Net;
using System.Text;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>The real silo (or gateway) executable, started as a separate process the way an operator starts it.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private SiloProcess(Process process, string workingDirectory, int port)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public string WorkingDirectory { get; }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static SiloProcess Start(string workingDirectory, params string[] arguments) =>
        Start(ProductAssembly("Silo", "OrleansEvents.Silo.dll"), workingDirectory, urlsInEnvironment: false, FreePorts.Next(), arguments);

    /// <summary>Starts the silo on a given HTTP port, so a restarted silo answers where its clients already look.</summary>
    public static SiloProcess StartOnPort(string workingDirectory, int port, params string[] arguments) =>
        Start(ProductAssembly("Silo", "OrleansEvents.Silo.dll"), workingDirectory, urlsInEnvironment: false, port, arguments);

    /// <summary>Starts <c>dotnet run --project Gateway</c>'s executable: an Orleans client of the silos, no silo inside.</summary>
    public static SiloProcess StartGateway(string workingDirectory, params string[] arguments) =>
        Start(ProductAssembly("Gateway", "OrleansEvents.Gateway.dll"), workingDirectory, urlsInEnvironment: false, FreePorts.Next(), arguments);

    /// <summary>Starts the gateway executable on a given HTTP port.</summary>
    public static SiloProcess StartGatewayOnPort(string workingDirectory, int port, params string[] arguments) =>
        Start(ProductAssembly("Gateway", "OrleansEvents.Gateway.dll"), workingDirectory, urlsInEnvironment: false, port, arguments);

    /// <summary>Starts the silo with its address in ASPNETCORE_URLS rather than on the command line.</summary>
    public static SiloProcess StartWithUrlsInEnvironment(string workingDirectory) =>
        Start(ProductAssembly("Silo", "OrleansEvents.Silo.dll"), workingDirectory, urlsInEnvironment: true, FreePorts.Next(), []);

    private static SiloProcess Start(string assembly, string workingDirectory, bool urlsInEnvironment, int port, string[] arguments)
    {
        var url = $"http://127.0.0.1:{port}";
        // Through env, so SIGINT reaches the silo as a terminal's Ctrl+C reaches a foreground process:
        // a test run started in the background (nohup, `cmd &`) ignores SIGINT, every child inherits
        // that, and the runtime then leaves it ignored, so the silo would never see our Ctrl+C.
        var start = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--default-signal=INT");
        start.ArgumentList.Add("dotnet");
        start.ArgumentList.Add(assembly);
        foreach (var argument in urlsInEnvironment ? arguments : arguments.Append("--urls").Append(url))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        // Orleans' ports too, so silos of parallel tests never meet; the command line still wins.
        start.Environment["Orleans__SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (urlsInEnvironment)
        {
            start.Environment["ASPNETCORE_URLS"] = url;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, workingDirectory, port);
        process.OutputDataReceived += (_, e) => silo.Append(silo._output, e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(silo._errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>Polls /health/ready until it answers 200, the process exits, or the deadline passes.</summary>
    public async Task<HttpResponseMessage> WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return response;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo did not become ready. Output:\n{Output}\nErrors:\n{Errors}");
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGKILL: the process dies at once, as in a crash or an OOM kill.</summary>
    public void Kill() => Signal("-KILL");

    /// <summary>Sends SIGSTOP: the process hangs, holding its sockets open, until <see cref="Resume"/>.</summary>
    public void Pause()
    {
        Signal("-STOP");
        IsPaused = true;
    }

    /// <summary>Sends SIGCONT to a paused process.</summary>
    public void Resume()
    {
        Signal("-CONT");
        IsPaused = false;
    }

    public bool IsPaused { get; private set; }

    /// <summary>Sends SIGINT, as Ctrl+C does.</summary>
    public void Interrupt() => Signal("-INT");

    /// <summary>Sends SIGTERM, as systemd and Docker do.</summary>
    public void Terminate() => Signal("-TERM");

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The silo did not exit within {timeout}. Output:\n{Output}\nErrors:\n{Errors}");
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Signal(string signal) =>
        Process.Start("kill", [signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    private static string ProductAssembly(string project, string file)
    {
        var testOutput = AppContext.BaseDirectory;
        var configuration = new DirectoryInfo(testOutput).Parent!.Name; // bin/{Configuration}/net10.0
        var root = new DirectoryInfo(testOutput);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "OrleansEvents.sln")))
        {
            root = root.Parent;
        }

        var assembly = Path.Combine(root!.FullName, project, "bin", configuration, "net10.0", file);
        return File.Exists(assembly) ? assembly : throw new FileNotFoundException("Build the solution first.", assembly);
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
