using System.Data.Common;
using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Storage;

/// <summary>
/// What the PostgreSQL and SQLite logs share: every query, edit and retention pass is the same SQL
/// on both, bound through ADO.NET. Subclasses supply connections, the append and the log reader,
/// which is where the two stores really differ.
/// </summary>
internal abstract partial class RelationalEventLog(TimeProvider timeProvider, SearchOptions search) : IEventLog
{
    protected TimeProvider Clock { get; } = timeProvider;

    private SearchOptions Search { get; } = search;

    public abstract bool BlocksCallingThread { get; }

    protected abstract SqlDialect Dialect { get; }

    protected abstract EventRowReader Rows { get; }

    public async Task<IReadOnlyList<AppendedEvent>> AppendAsync(
        string tenantId, IReadOnlyList<NewEvent> events, AppendOptions? options = null, CancellationToken cancellationToken = default)
    {
        EventValidator.EnsureValidTenant(tenantId);
        var pending = EventValidator.Normalize(events, Clock.GetUtcNow());
        var outcome = (await AppendManyAsync([new AppendRequest(tenantId, pending, options?.ExpectedVersions)], cancellationToken))[0];
        return outcome.Conflict is { } conflict ? throw conflict : outcome.Events;
    }

    public async Task<IReadOnlyList<AppendOutcome>> AppendManyAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default)
    {
        foreach (var tenantId in requests.Select(r => r.TenantId).Distinct())
        {
            EventValidator.EnsureValidTenant(tenantId);
        }

        var plan = new AppendPlan(requests);
        return await TryAppendFromHintsAsync(plan, cancellationToken)
               ?? await WriteAsync((connection, transaction) => AppendAsync(connection, transaction, plan, cancellationToken), cancellationToken);
    }

    public async Task<LogPage> ReadLogAsync(LogPosition after, int maxCount, CancellationToken cancellationToken = default)
    {
        var arguments = new SqlArguments();
        var transactionId = Dialect.TransactionIdParameter(arguments.Add(Dialect.TransactionId(after.TransactionId)));
        var sql = $"SELECT {EventColumns.All} FROM events " +
                  $"WHERE (transaction_id, id) > ({transactionId}, {arguments.Add(after.Id)}) {Dialect.OnlySettledTransactions} " +
                  $"ORDER BY transaction_id, id LIMIT {arguments.Add((long)Math.Max(0, maxCount))}";
        var events = await QueryEventsAsync(sql, arguments, cancellationToken);
        return new LogPage(events, events.Count > 0 ? events[^1].Position : after);
    }

    public async Task<LogPosition> GetLogEndAsync(CancellationToken cancellationToken = default)
    {
        var sql = $"SELECT transaction_id, id FROM events WHERE 1 = 1 {Dialect.OnlySettledTransactions} " +
                  "ORDER BY transaction_id DESC, id DESC LIMIT 1";
        return await ReadAsync(async connection =>
        {
            await using var command = Command(connection, sql, new SqlArguments());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new LogPosition(Rows.ReadTransactionIdOf(reader, 0), reader.GetInt64(1))
                : LogPosition.Start;
        }, cancellationToken);
    }

    public Task<LogBounds> GetLogBoundsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            await using var command = Command(connection, Dialect.LogBoundsSql, new SqlArguments());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            return new LogBounds(Rows.ReadTransactionIdOf(reader, 0), reader.GetInt64(1));
        }, cancellationToken);

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        await ReadAsync(async connection =>
        {
            await using var command = Command(connection, "SELECT 1", new SqlArguments());
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>
    /// Stores a planned group from the callers' known versions without reading first, where the store
    /// can do that safely; null when it cannot or a hint was stale (nothing was stored then).
    /// </summary>
    protected virtual Task<IReadOnlyList<AppendOutcome>?> TryAppendFromHintsAsync(AppendPlan plan, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AppendOutcome>?>(null);

    /// <summary>Stores a planned group inside the given transaction; the caller commits.</summary>
    protected abstract Task<IReadOnlyList<AppendOutcome>> AppendAsync(
        DbConnection connection, DbTransaction transaction, AppendPlan plan, CancellationToken cancellationToken);

    /// <summary>An open connection; failures to reach the store surface as <see cref="StorageUnavailableException"/>.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>True for failures that mean "the store is away" (network, shutdown, locked file), not a bug.</summary>
    protected abstract bool IsUnavailable(Exception exception);

    protected abstract StorageUnavailableException Unavailable(Exception exception);

    /// <summary>Runs reads on one connection; a store that goes away mid-read surfaces as <see cref="StorageUnavailableException"/>.</summary>
    protected async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await read(connection);
        }
        catch (Exception exception) when (exception is not StorageUnavailableException && IsUnavailable(exception))
        {
            throw Unavailable(exception);
        }
    }

    /// <summary>Runs work in one write transaction and commits it; the store decides locking and retries.</summary>
    protected abstract Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken);

    protected static DbCommand Command(DbConnection connection, string sql, SqlArguments arguments, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in arguments.Values)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    protected async Task<List<StoredEvent>> ReadEventsAsync(
        DbConnection connection, string sql, SqlArguments arguments, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        await using var command = Command(connection, sql, arguments, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await Rows.ReadAllAsync(reader, cancellationToken);
    }

    protected Task<List<StoredEvent>> QueryEventsAsync(string sql, SqlArguments arguments, CancellationToken cancellationToken) =>
        ReadAsync(connection => ReadEventsAsync(connection, sql, arguments, cancellationToken), cancellationToken);
}
