using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Storage;

internal abstract partial class RelationalEventLog
{
    public async Task<IReadOnlyList<StoredEvent>> ResolveAsync(
        string tenantId, IReadOnlyCollection<long> ids, Resolution resolution, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValid(resolution);
        var arguments = new SqlArguments();
        // "AND NOT resolved": resolving twice keeps the first resolution.
        var sql = $"UPDATE events SET resolved = true, resolved_by = {arguments.Add(WireNames.Of(resolution.By))}, " +
                  $"resolved_at = {arguments.Add(Dialect.Time(EventValidator.ToStoredPrecision(Clock.GetUtcNow())))}, " +
                  $"resolution_note = {arguments.Add((object?)resolution.Note ?? DBNull.Value)}, " +
                  $"resolved_by_key = {arguments.Add((object?)resolution.ByKey ?? DBNull.Value)} " +
                  $"WHERE tenant_id = {arguments.Add(tenantId)} AND {Dialect.AnyOf("id", ids, arguments)} AND NOT resolved " +
                  $"RETURNING {EventColumns.All}";
        return await WriteEventsAsync(sql, arguments, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> UnresolveAsync(
        string tenantId, IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = "UPDATE events SET resolved = false, resolved_by = NULL, resolved_at = NULL, resolution_note = NULL, resolved_by_key = NULL " +
                  $"WHERE tenant_id = {arguments.Add(tenantId)} AND {Dialect.AnyOf("id", ids, arguments)} AND resolved " +
                  $"RETURNING {EventColumns.All}";
        return await WriteEventsAsync(sql, arguments, cancellationToken);
    }

    public async Task<StoredEvent?> UpdateAsync(string tenantId, long id, EventUpdate update, CancellationToken cancellationToken = default)
    {
        var change = EventValidator.Normalize(update);
        var arguments = new SqlArguments();
        var assignments = new List<string>();
        if (change.Severity is { } severity)
        {
            assignments.Add($"severity = {arguments.Add(WireNames.Of(severity))}");
        }

        if (change.Message is { } message)
        {
            assignments.Add($"message = {arguments.Add(message)}");
        }

        if (change.ContextJson is { } context)
        {
            assignments.Add($"context = {Dialect.Json(arguments.Add(context))}");
        }
        else if (change.ClearsContext)
        {
            assignments.Add("context = NULL");
        }

        if (change.Source is { } source)
        {
            assignments.Add($"source = {arguments.Add(source)}");
        }

        var sql = $"UPDATE events SET {string.Join(", ", assignments)} " +
                  $"WHERE tenant_id = {arguments.Add(tenantId)} AND id = {arguments.Add(id)} RETURNING {EventColumns.All}";
        return (await WriteEventsAsync(sql, arguments, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> DeleteAsync(string tenantId, long id, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"DELETE FROM events WHERE tenant_id = {arguments.Add(tenantId)} AND id = {arguments.Add(id)}";
        var deleted = await WriteAsync(async (connection, transaction) =>
        {
            await using var command = Command(connection, sql, arguments, transaction);
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);
        return deleted > 0;
    }

    public async Task<RetentionResult> DeleteOlderThanAsync(RetentionCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(criteria.BatchSize, 1);
        var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0L);
        var batches = 0;
        while (true)
        {
            var arguments = new SqlArguments();
            var sql = $"DELETE FROM events WHERE id IN (SELECT id FROM events WHERE {EventQuerySql.Expired(criteria, Dialect, arguments)} " +
                      $"ORDER BY id LIMIT {arguments.Add((long)criteria.BatchSize)}) RETURNING severity";
            var deleted = await WriteAsync(async (connection, transaction) =>
            {
                await using var command = Command(connection, sql, arguments, transaction);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var severities = new List<string>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    severities.Add(reader.GetString(0));
                }

                return severities;
            }, cancellationToken);

            batches++;
            foreach (var severity in deleted)
            {
                bySeverity[WireNames.ParseSeverity(severity)]++;
            }

            if (deleted.Count < criteria.BatchSize)
            {
                return new RetentionResult(bySeverity.Values.Sum(), bySeverity, batches);
            }

            // Each batch is its own short transaction; yield so queued appends get the store in between.
            await Task.Yield();
        }
    }

    public async Task<RetentionResult> CountOlderThanAsync(RetentionCriteria criteria, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var sql = $"SELECT severity, count(*) FROM events WHERE {EventQuerySql.Expired(criteria, Dialect, arguments)} GROUP BY severity";
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, arguments);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var bySeverity = Enum.GetValues<Severity>().ToDictionary(s => s, _ => 0L);
            while (await reader.ReadAsync(cancellationToken))
            {
                bySeverity[WireNames.ParseSeverity(reader.GetString(0))] = reader.GetInt64(1);
            }

            return new RetentionResult(bySeverity.Values.Sum(), bySeverity, Batches: 0);
        }, cancellationToken);
    }

    private Task<List<StoredEvent>> WriteEventsAsync(string sql, SqlArguments arguments, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => ReadEventsAsync(connection, sql, arguments, cancellationToken, transaction), cancellationToken);
}
