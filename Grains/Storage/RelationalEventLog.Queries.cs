using System.Data.Common;
using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Storage;

internal abstract partial class RelationalEventLog
{
    public async Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(
        string tenantId, StreamId stream, long fromVersion, int maxCount, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"SELECT {EventColumns.All} FROM events WHERE tenant_id = {arguments.Add(tenantId)} " +
                  $"AND stream = {arguments.Add(stream.ToString())} AND version >= {arguments.Add(fromVersion)} " +
                  $"ORDER BY version LIMIT {arguments.Add((long)Math.Max(0, maxCount))}";
        return await QueryEventsAsync(sql, arguments, cancellationToken);
    }

    public async Task<long> GetStreamVersionAsync(string tenantId, StreamId stream, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"SELECT version FROM streams WHERE tenant_id = {arguments.Add(tenantId)} AND stream = {arguments.Add(stream.ToString())}";
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            return await command.ExecuteScalarAsync(cancellationToken) is { } version and not DBNull ? Convert.ToInt64(version) : 0;
        }, cancellationToken);
    }

    public async Task<EventPage> QueryAsync(string tenantId, EventFilter filter, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValid(filter);
        return await ReadAsync(async connection =>
        {
            var events = !string.IsNullOrEmpty(filter.Text) && Dialect.WalksBeforeTextIndex
                ? await SearchPageAsync(connection, tenantId, filter, cancellationToken)
                : await ReadPageAsync(connection, tenantId, filter, cancellationToken);

            long? nextCursor = null;
            if (events.Count > filter.Limit)
            {
                events.RemoveAt(events.Count - 1);
                nextCursor = events[^1].Id;
            }

            long? total = null;
            if (filter.IncludeTotal)
            {
                var totalArguments = new SqlArguments();
                await using var command = Command(connection, EventQuerySql.Total(tenantId, filter, Dialect, totalArguments), totalArguments);
                total = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
            }

            return new EventPage(events, nextCursor, total);
        }, cancellationToken);
    }

    private Task<List<StoredEvent>> ReadPageAsync(DbConnection connection, string tenantId, EventFilter filter, CancellationToken cancellationToken)
    {
        var arguments = new SqlArguments();
        return ReadEventsAsync(connection, EventQuerySql.Page(tenantId, filter, Dialect, arguments), arguments, cancellationToken);
    }

    public async Task<StoredEvent?> GetAsync(string tenantId, long id, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"SELECT {EventColumns.All} FROM events WHERE tenant_id = {arguments.Add(tenantId)} AND id = {arguments.Add(id)}";
        return (await QueryEventsAsync(sql, arguments, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<StoredEvent>> GetManyAsync(string tenantId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"SELECT {EventColumns.All} FROM events WHERE tenant_id = {arguments.Add(tenantId)} " +
                  $"AND {Dialect.AnyOf("id", ids.Distinct().ToList(), arguments)} ORDER BY id";
        return await QueryEventsAsync(sql, arguments, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> GetUnresolvedAsync(
        string tenantId, StreamId stream, Severity minSeverity, int maxCount, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var severities = Enum.GetValues<Severity>().Where(s => s >= minSeverity).Select(WireNames.Of).ToList();
        var sql = $"SELECT {EventColumns.All} FROM events WHERE tenant_id = {arguments.Add(tenantId)} " +
                  $"AND stream = {arguments.Add(stream.ToString())} AND NOT resolved AND {Dialect.AnyOf("severity", severities, arguments)} " +
                  $"ORDER BY id DESC LIMIT {arguments.Add((long)Math.Max(0, maxCount))}";
        return await QueryEventsAsync(sql, arguments, cancellationToken);
    }

    public async Task<StreamCounts> CountStreamAsync(string tenantId, StreamId stream, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"SELECT severity, event_type, resolved, count(*), min(\"timestamp\"), max(\"timestamp\") FROM events " +
                  $"WHERE tenant_id = {arguments.Add(tenantId)} AND stream = {arguments.Add(stream.ToString())} " +
                  "GROUP BY severity, event_type, resolved";
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var groups = new List<StreamCounts.Group>();
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new StreamCounts.Group(
                    WireNames.ParseSeverity(reader.GetString(0)),
                    reader.GetString(1),
                    Convert.ToBoolean(reader.GetValue(2)),
                    reader.GetInt64(3),
                    Dialect.ReadTime(reader.GetValue(4)),
                    Dialect.ReadTime(reader.GetValue(5))));
            }

            return new StreamCounts(groups);
        }, cancellationToken);
    }

    public async Task<EventStats> GetStatsAsync(string tenantId, int topTypes = 20, CancellationToken cancellationToken = default)
    {
        var now = Clock.GetUtcNow();
        return await ReadAsync(async connection =>
        {

            async Task<List<KeyValuePair<string, long>>> CountsAsync(string groupColumn, string? extraWhere, object? extraValue, string? orderAndLimit = null)
            {
                var arguments = new SqlArguments();
                var where = $"tenant_id = {arguments.Add(tenantId)}";
                if (extraWhere is not null)
                {
                    where += $" AND {extraWhere}{arguments.Add(extraValue!)}";
                }

                var sql = $"SELECT {groupColumn}, count(*) FROM events WHERE {where} GROUP BY {groupColumn} {orderAndLimit}";
                await using var command = Command(connection, sql, arguments);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var counts = new List<KeyValuePair<string, long>>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    counts.Add(new(reader.GetString(0), reader.GetInt64(1)));
                }

                return counts;
            }

            async Task<object?> ScalarAsync(string sql)
            {
                var arguments = new SqlArguments();
                await using var command = Command(connection, string.Format(sql, arguments.Add(tenantId)), arguments);
                var value = await command.ExecuteScalarAsync(cancellationToken);
                return value is DBNull ? null : value;
            }

            var bySeverity = await CountsAsync("severity", null, null);
            var byType = await CountsAsync("event_type", null, null, $"ORDER BY count(*) DESC, event_type LIMIT {Math.Clamp(topTypes, 1, 1000)}");
            var byCategory = await CountsAsync("category", null, null);
            var lastDay = await CountsAsync("severity", "\"timestamp\" >= ", Dialect.Time(now.AddHours(-24)));
            var lastEventAt = await ScalarAsync("SELECT max(\"timestamp\") FROM events WHERE tenant_id = {0}");
            var unresolved = await ScalarAsync($"SELECT count(*) FROM events WHERE tenant_id = {{0}} AND NOT resolved AND severity <> 'info'");
            var byHour = await CountsByHourAsync(connection, tenantId, now, cancellationToken);

            return new EventStats
            {
                Total = bySeverity.Sum(c => c.Value),
                BySeverity = BySeverity(bySeverity),
                ByType = byType,
                ByCategory = byCategory.ToDictionary(c => c.Key, c => c.Value),
                Last24Hours = lastDay.Sum(c => c.Value),
                Last24HoursBySeverity = BySeverity(lastDay),
                Last24HoursByHour = byHour,
                LastEventAt = lastEventAt is null ? null : Dialect.ReadTime(lastEventAt),
                Unresolved = Convert.ToInt64(unresolved ?? 0L),
                ComputedAt = now,
            };
        }, cancellationToken);
    }

    /// <summary>The 24 UTC hours up to and including the current one, each with its counts by severity.</summary>
    private async Task<List<HourlyCounts>> CountsByHourAsync(System.Data.Common.DbConnection connection, string tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var currentHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var start = currentHour.AddHours(-23);
        var arguments = new SqlArguments();
        var tenant = arguments.Add(tenantId);
        var from = arguments.Add(Dialect.Time(start));
        var hour = Dialect.HoursSince("\"timestamp\"", from);
        var sql = $"SELECT {hour}, severity, count(*) FROM events WHERE tenant_id = {tenant} AND \"timestamp\" >= {from} GROUP BY {hour}, severity";
        var counts = Enumerable.Range(0, 24).Select(_ => Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0L)).ToList();
        await using var command = Command(connection, sql, arguments);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
            if (index is >= 0 and < 24)
            {
                counts[index][WireNames.ParseSeverity(reader.GetString(1))] = reader.GetInt64(2);
            }
        }

        return counts.Select((bySeverity, i) => new HourlyCounts(start.AddHours(i), bySeverity)).ToList();
    }

    private static Dictionary<Severity, long> BySeverity(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var result = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0L);
        foreach (var (severity, count) in counts)
        {
            result[WireNames.ParseSeverity(severity)] = count;
        }

        return result;
    }
}
