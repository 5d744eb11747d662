using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Client.Tests.Infrastructure;

/// <summary>
/// The real silo executable on a loopback port of its own, embedded SQLite in a fresh folder, that a
/// test can kill and start again at the same address over the same data, as an operator's restart does.
/// </summary>
public sealed class LoopbackSilo : IAsyncLifetime
{
    public const string ApiKey = "client-tests-admin-key-0123456789";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-client-silo-").FullName;
    private SiloProcess? _process;

    public int Port { get; } = FreePorts.Next();

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public bool IsRunning => _process is not null;

    public async Task StartAsync()
    {
        _process = SiloProcess.StartOnPort(_directory, Port,
            "--Auth:ApiKeys:0:Key=" + ApiKey, "--Auth:ApiKeys:0:Role=admin", "--Gateway:RateLimit:Enabled=false");
        await _process.WaitUntilReadyAsync(StartTimeout);
    }

    /// <summary>Kills the silo (SIGKILL), as a crash or a pulled plug would stop it.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public Task InitializeAsync() => StartAsync();

    public async Task DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is swept by the OS.
        }
    }
}
