namespace OrleansEvents.Storage.Sqlite;

internal sealed partial class SqliteEventLog
{
    // Message, event type and every string value inside context, as sql/sqlite/009 indexed them.
    private const string SearchText =
        "message || char(31) || event_type || coalesce(char(31) || (SELECT group_concat(value, char(31)) FROM json_tree(events.context) WHERE type = 'text'), '')";

    /// <summary>
    /// Puts up to <paramref name="maxRows"/> of the oldest rows that q's index does not have yet (sql/sqlite/011)
    /// into it, in one transaction, and returns how many. Many rows at once cost the index a fraction of
    /// what one commit each does.
    /// </summary>
    public Task<int> IndexSearchBacklogAsync(int maxRows, CancellationToken cancellationToken = default) =>
        WriteAsync(async (connection, transaction) =>
        {
            var batch = new SqlArguments();
            var backlogSql = "SELECT b.indexed_through, max(e.id), count(e.id) FROM search_backlog b LEFT JOIN " +
                             $"(SELECT id FROM events WHERE id > (SELECT indexed_through FROM search_backlog) ORDER BY id LIMIT {batch.Add((long)maxRows)}) e ON 1 = 1 " +
                             "GROUP BY b.indexed_through";
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
            var indexSql = $"INSERT INTO events_search (rowid, text) SELECT id, {SearchText} FROM events WHERE id > {from} AND id <= {to}; " +
                           $"UPDATE search_backlog SET indexed_through = {to}";
            await using (var index = Command(connection, indexSql, range, transaction))
            {
                await index.ExecuteNonQueryAsync(cancellationToken);
            }

            return (int)count;
        }, cancellationToken);
}
