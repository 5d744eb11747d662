using System.Diagnostics;
using System.Globalization;

namespace OrleansEvents.Bench.Fanout;

/// <summary>The bench's handle on a <see cref="FanoutClientsCommand"/>: N subscribers in a child process.</summary>
public sealed class ChildProcessSubscribers : ISubscribers
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly SemaphoreSlim _turn = new(1, 1);

    private ChildProcessSubscribers(Process process) => _process = process;

    /// <summary>Starts the child process and waits until all its subscribers are connected.</summary>
    public static async Task<ISubscribers> ConnectAsync(Uri hub, int subscribers)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Under `dotnet bench.dll` the process is the host and the bench is its first argument.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcessSubscribers).Assembly.Location);
        }

        foreach (var argument in new[] { FanoutClientsCommand.Name, "--hub", hub.ToString(), "--subscribers", subscribers.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var clients = new ChildProcessSubscribers(Process.Start(start)!);
        string? first;
        try
        {
            first = await clients._process.StandardOutput.ReadLineAsync().WaitAsync(ConnectTimeout);
        }
        catch (TimeoutException)
        {
            first = $"no answer in {ConnectTimeout}";
        }

        if (first == FanoutClientsCommand.Connected)
        {
            return clients;
        }

        await clients.DisposeAsync();
        throw new InvalidOperationException($"The subscriber process did not connect: {first ?? "it exited"}");
    }

    public async Task<long> CountAsync() => long.Parse(await AskAsync("count"), CultureInfo.InvariantCulture);

    public Task ResetAsync() => AskAsync("reset");

    public async Task<TimeSpan> CompilationTimeAsync() =>
        TimeSpan.FromMilliseconds(double.Parse(await AskAsync("jit"), CultureInfo.InvariantCulture));

    public TimeSpan ProcessorTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async Task<(double P50Ms, double P99Ms)> PercentilesAsync()
    {
        var parts = (await AskAsync("percentiles")).Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await _process.StandardInput.WriteLineAsync("close");
                _process.StandardInput.Close();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            // Gone already, or not going: either way it must not outlive the bench (killing an exited process does nothing).
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            _turn.Dispose();
        }
    }

    private async Task<string> AskAsync(string command)
    {
        await _turn.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            return await _process.StandardOutput.ReadLineAsync()
                ?? throw new InvalidOperationException("The subscriber process ended early.");
        }
        finally
        {
            _turn.Release();
        }
    }
}
