using System.Text;
using OrleansEvents.Events;

namespace OrleansEvents.Storage;

internal abstract partial class RelationalEventLog
{
    public async Task<IReadOnlyList<OpenProblemCount>> CountOpenProblemsAsync(
        string tenantId, StreamId? stream, Severity minSeverity, IReadOnlyList<string> keys, DateTimeOffset hourlySince,
        CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var keyColumns = keys.Select(k => Dialect.JsonMemberText("context", arguments.Add(k))).ToList();
        var hour = $"CASE WHEN \"timestamp\" >= {arguments.Add(Dialect.Time(hourlySince))} " +
                   $"THEN {Dialect.HoursSince("\"timestamp\"", arguments.Add(Dialect.Time(DateTimeOffset.UnixEpoch)))} END";
        var grouping = new StringBuilder("stream, event_type, severity");
        foreach (var column in keyColumns)
        {
            grouping.Append(", ").Append(column);
        }

        grouping.Append(", ").Append(hour);
        // The predicate repeats ix_events_tenant_id_stream_id_unresolved's, so the partial index serves it.
        var sql = $"SELECT {grouping}, count(*), min(\"timestamp\"), max(\"timestamp\"), max(version), max(id) FROM events " +
                  $"WHERE tenant_id = {arguments.Add(tenantId)} AND NOT resolved AND severity <> 'info' " +
                  $"AND {Dialect.AnyOf("severity", ProblemSeverities(minSeverity), arguments)}" +
                  (stream is { } one ? $" AND stream = {arguments.Add(one.ToString())}" : "") +
                  $" GROUP BY {grouping}";
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var counts = new List<OpenProblemCount>();
            var at = 3 + keys.Count;
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = Enumerable.Range(3, keys.Count).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i))).ToList();
                counts.Add(new OpenProblemCount(
                    reader.GetString(0), reader.GetString(1), WireNames.ParseSeverity(reader.GetString(2)), values,
                    reader.IsDBNull(at) ? null : Convert.ToInt64(reader.GetValue(at)),
                    reader.GetInt64(at + 1), Dialect.ReadTime(reader.GetValue(at + 2)), Dialect.ReadTime(reader.GetValue(at + 3)),
                    Convert.ToInt64(reader.GetValue(at + 4)), Convert.ToInt64(reader.GetValue(at + 5))));
            }

            return counts;
        }, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GetProblemStreamsAsync(
        string tenantId, StreamKind kind, string eventType, bool resolved, Severity minSeverity, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        // Streams of one kind are the range kind/ ≤ stream < kind0 ('0' follows '/').
        var kindName = WireNames.Of(kind);
        var sql = $"SELECT DISTINCT stream FROM events WHERE tenant_id = {arguments.Add(tenantId)} " +
                  $"AND event_type = {arguments.Add(eventType)} AND stream >= {arguments.Add(kindName + "/")} AND stream < {arguments.Add(kindName + "0")} " +
                  $"AND resolved = {arguments.Add(resolved)} AND {Dialect.AnyOf("severity", ProblemSeverities(minSeverity), arguments)}";
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var streams = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                streams.Add(reader.GetString(0));
            }

            return streams;
        }, cancellationToken);
    }

    private static List<string> ProblemSeverities(Severity minSeverity) =>
        Enum.GetValues<Severity>().Where(s => s >= minSeverity && s > Severity.Info).Select(WireNames.Of).ToList();
}
