using Npgsql;
using OrleansEvents.Bench.Cluster;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// The PostgreSQL server's processes on this machine: its postmaster and the backends and helpers it
/// forked, so a test server of another worktree does not count. When the postmaster cannot be found
/// (not a superuser, or a server on another host) every process named postgres counts.
/// </summary>
public sealed class PostgresProcesses
{
    private const string Name = "postgres";
    private readonly int? _postmaster;

    private PostgresProcesses(int? postmaster) => _postmaster = postmaster;

    public int? Postmaster => _postmaster;

    public static async Task<PostgresProcesses> FindAsync(string adminConnectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            // The first line of postmaster.pid in the data directory is the postmaster's process id.
            await using var command = new NpgsqlCommand("SELECT split_part(pg_read_file('postmaster.pid'), E'\\n', 1)::int", connection);
            var postmaster = (int)(await command.ExecuteScalarAsync())!;
            return new PostgresProcesses(ProcStat.Of(postmaster) is { Name: Name } ? postmaster : null);
        }
        catch (PostgresException)
        {
            return new PostgresProcesses(null);
        }
    }

    /// <summary>Each process's CPU so far, in clock ticks.</summary>
    public Dictionary<int, long> Ticks() =>
        ProcStat.All()
            .Where(p => p.Stat.Name == Name && (_postmaster is not { } postmaster || p.ProcessId == postmaster || p.Stat.ParentId == postmaster))
            .ToDictionary(p => p.ProcessId, p => p.Stat.Ticks);

    /// <summary>
    /// CPU between two readings: what each process running at the second used since the first (all of it
    /// when it started in between). A backend that exited in between takes its last share with it.
    /// </summary>
    public static TimeSpan Between(Dictionary<int, long> before, Dictionary<int, long> after) =>
        ProcStat.ToTime(after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)));
}
