using System.Diagnostics;
using OrleansEvents.Bench.Cluster;

namespace OrleansEvents.Bench.Load;

/// <summary>Reads the kernel's CPU accounting at a row's start and end: this process, the silo process if there is one, PostgreSQL's.</summary>
public sealed class CpuMeter
{
    private readonly PostgresProcesses _postgres;
    private readonly int? _silo;
    private readonly bool _selfIsServer;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _self = SelfTime();
    private readonly TimeSpan _server;
    private readonly Dictionary<int, long> _postgresTicks;

    private CpuMeter(PostgresProcesses postgres, int? silo, bool selfIsServer)
    {
        _postgres = postgres;
        _silo = silo;
        _selfIsServer = selfIsServer;
        _server = SiloTime(silo);
        _postgresTicks = postgres.Ticks();
    }

    /// <summary>This process is the client, the silo process (when given) the server.</summary>
    public static CpuMeter ForClient(PostgresProcesses postgres, int? siloProcessId = null) => new(postgres, siloProcessId, selfIsServer: false);

    /// <summary>This process is the server: its grains are called in-process, so its callers count as server too.</summary>
    public static CpuMeter ForServer(PostgresProcesses postgres) => new(postgres, silo: null, selfIsServer: true);

    public CpuCores Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var self = (SelfTime() - _self).TotalSeconds / wall;
        var silo = (SiloTime(_silo) - _server).TotalSeconds / wall;
        var postgres = PostgresProcesses.Between(_postgresTicks, _postgres.Ticks()).TotalSeconds / wall;
        return _selfIsServer ? new CpuCores(0, self, postgres) : new CpuCores(self, silo, postgres);
    }

    private static TimeSpan SelfTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static TimeSpan SiloTime(int? silo) => silo is { } id && ProcStat.Of(id) is { } stat ? stat.Time : TimeSpan.Zero;
}
