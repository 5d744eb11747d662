using Npgsql;
using OrleansEvents.Bench.Append;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// PostgreSQL alone: one INSERT and commit per event (<see cref="NaiveWriter"/>), each on a pooled
/// connection. Run at the rate of the in-process half-rate row, it shows the tail latency the database
/// itself gives at that load on this machine.
/// </summary>
public sealed class InsertAppendTarget(NpgsqlDataSource dataSource, int streams) : ILoadTarget<string>
{
    private readonly string[] _leads = LoadRow.Leads(streams);

    public string Prepare(Random random, int events) => _leads[random.Next(_leads.Length)];

    public async Task<int> SendAsync(string lead)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await NaiveWriter.InsertAsync(connection, lead);
        return 0;
    }
}
