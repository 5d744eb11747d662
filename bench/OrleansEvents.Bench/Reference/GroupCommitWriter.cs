using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace OrleansEvents.Bench.Reference;

/// <summary>
/// A hand-written group commit: posted events wait in one queue, one loop inserts everything queued in
/// one statement (an implicit transaction) and answers each caller after the commit. It is the only
/// writer, so it keeps each stream's head in memory and reads nothing first; the unique index on
/// (tenant, stream, version) still refuses a version given twice.
/// </summary>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    public const string TenantId = "default";
    private const int MaxBatchEvents = 1000;

    private const string InsertSql =
        "INSERT INTO events (tenant_id, event_id, stream, version, \"timestamp\", recorded_at, category, severity, event_type, message, source, lead_id, context) " +
        "SELECT $1, e.event_id, e.stream, e.version, now(), now(), e.category, e.severity, e.event_type, e.message, e.source, e.lead_id, CAST(e.context AS jsonb) " +
        "FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[]) WITH ORDINALITY " +
        "AS e(event_id, stream, version, category, severity, event_type, message, source, lead_id, context, ordinal) " +
        "ORDER BY e.ordinal RETURNING id";

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);
    private readonly Task _flushing;

    public GroupCommitWriter(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _flushing = Task.Run(FlushLoopAsync);
    }

    /// <summary>Completes when the event has committed: its id and version.</summary>
    public Task<StoredPosition> AppendAsync(SentEvent sent, string stream)
    {
        var pending = new Pending(sent, stream);
        return _queue.Writer.TryWrite(pending) ? pending.Stored.Task : Task.FromException<StoredPosition>(new ObjectDisposedException(nameof(GroupCommitWriter)));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _flushing;
    }

    private async Task FlushLoopAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatchEvents && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await CommitAsync(batch);
            }
            catch (Exception exception)
            {
                batch.ForEach(p => p.Stored.TrySetException(exception));
            }

            batch.Clear();
        }
    }

    private async Task CommitAsync(List<Pending> batch)
    {
        // Versions from the heads as committed; they move only once the transaction has.
        var heads = new Dictionary<string, long>(StringComparer.Ordinal);
        var versions = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var stream = batch[i].Stream;
            versions[i] = heads[stream] = (heads.TryGetValue(stream, out var head) ? head : _heads.GetValueOrDefault(stream)) + 1;
        }

        string?[] Column(Func<Pending, string?> field) => batch.Select(field).ToArray();
        await using var command = _dataSource.CreateCommand(InsertSql);
        command.Parameters.Add(new NpgsqlParameter { Value = TenantId });
        foreach (var column in (object[])
        [
            Column(p => p.Sent.EventId ?? Guid.CreateVersion7().ToString()), Column(p => p.Stream), versions,
            Column(p => CategoryOf(p.Sent.EventType!)),
            Column(p => p.Sent.Severity ?? "info"), Column(p => p.Sent.EventType), Column(p => p.Sent.Message ?? ""),
            Column(p => p.Sent.Source), Column(p => p.Sent.LeadId), Column(p => p.Sent.Context?.GetRawText()),
        ])
        {
            command.Parameters.Add(column is string?[] texts
                ? new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = texts }
                : new NpgsqlParameter { Value = column });
        }

        // RETURNING gives the rows in the order they were inserted, which ORDER BY e.ordinal fixed.
        var ids = new List<long>(batch.Count);
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        foreach (var (stream, head) in heads)
        {
            _heads[stream] = head;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Stored.TrySetResult(new StoredPosition(ids[i], versions[i]));
        }
    }

    /// <summary>The event type's first part (<c>whatsapp</c> of <c>whatsapp.send_failed</c>), as the product derives it.</summary>
    private static string CategoryOf(string eventType) => eventType.IndexOf('.') is var dot and >= 0 ? eventType[..dot] : eventType;

    private sealed record Pending(SentEvent Sent, string Stream)
    {
        public TaskCompletionSource<StoredPosition> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
