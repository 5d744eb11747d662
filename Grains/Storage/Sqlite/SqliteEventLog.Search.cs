namespace OrleansEvents.Storage.Sqlite;

internal sealed partial class SqliteEventLog
{
    /// <summary>
    /// Puts up to <paramref name="maxRows"/> of the oldest rows that q's index does not have yet (sql/sqlite/011)
    /// into it, in one transaction, and returns how many. Many rows at once cost the index a fraction of
    /// what one commit each does.
    /// </summary>
    public Task<int> IndexSearchBacklogAsync(int maxRows, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var batch = new SqlArguments();
            var backlogSql = "SELECT (SELECT indexed_through FROM search_backlog), max(id), count(*) FROM " +
                             $"(SELECT id FROM events WHERE id > (SELECT indexed_through FROM search_backlog) ORDER BY id LIMIT {batch.Add((long)maxRows)})";
            long after, through, count;
            await using (var backlog = Command(connection, backlogSql, batch, transaction))
            await using (var reader = await backlog.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                (after, count) = (reader.GetInt64(0), reader.GetInt64(2));
                through = count == 0 ? after : reader.GetInt64(1);
            }

            if (count == 0)
            {
                return 0;
            }

            var range = new SqlArguments();
            var (from, to) = (range.Add(after), range.Add(through));
            var indexSql = $"INSERT INTO events_search (rowid, text) SELECT id, text FROM events_search_texts WHERE id > {from} AND id <= {to}; " +
                           $"UPDATE search_backlog SET indexed_through = {to}";
            await using (var index = Command(connection, indexSql, range, transaction))
            {
                await index.ExecuteNonQueryAsync(cancellationToken);
            }

            return (int)count;
        }, cancellationToken);
}
