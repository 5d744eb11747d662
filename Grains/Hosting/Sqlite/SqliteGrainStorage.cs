using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Hosting.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file (<c>sql/sqlite/004_orleans_grain_state.sql</c>), the state
/// serialized by the silo's <see cref="IGrainStorageSerializer"/>. A write or clear must present the stored ETag,
/// or none when there is no row, else it throws <see cref="InconsistentStateException"/>. Clearing deletes the row:
/// afterwards the state reads as new, with no ETag, and the next write needs none.
/// </summary>
public sealed class SqliteGrainStorage(
    string name,
    SqliteDatabase database,
    IGrainStorageSerializer serializer,
    IActivatorProvider activatorProvider,
    IOptions<ClusterOptions> clusterOptions) : IGrainStorage
{
    private const string Key = "service_id = $service_id AND provider_name = $provider_name AND state_name = $state_name AND grain_id = $grain_id";

    private readonly string _serviceId = clusterOptions.Value.ServiceId;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, $"SELECT payload, etag FROM orleans_grain_state WHERE {Key}", stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            ResetToMissing(grainState);
            return;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(0)));
        grainState.ETag = reader.GetString(1);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        var payload = serializer.Serialize(grainState.State).ToArray();
        // No ETag: only a first write, which must not overwrite a row someone else created. An ETag: only over that row.
        var sql = grainState.ETag is null
            ? """
              INSERT INTO orleans_grain_state (service_id, provider_name, state_name, grain_id, payload, etag)
              VALUES ($service_id, $provider_name, $state_name, $grain_id, $payload, $etag)
              ON CONFLICT DO NOTHING
              """
            : $"UPDATE orleans_grain_state SET payload = $payload, etag = $etag WHERE {Key} AND etag = $expected_etag";
        var written = await ExecuteAsync(
            sql, stateName, grainId, [("$payload", payload), ("$etag", etag), ("$expected_etag", grainState.ETag)], cancellationToken);
        if (written == 0)
        {
            throw Conflict("write", stateName, grainId, await ReadETagAsync(stateName, grainId, cancellationToken), grainState.ETag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        if (grainState.ETag is null)
        {
            // Nothing to delete: the state was never written, or cleared; it is a conflict only if a row exists now.
            if (await ReadETagAsync(stateName, grainId, cancellationToken) is { } storedETag)
            {
                throw Conflict("clear", stateName, grainId, storedETag, null);
            }
        }
        else if (await ExecuteAsync(
                     $"DELETE FROM orleans_grain_state WHERE {Key} AND etag = $expected_etag",
                     stateName, grainId, [("$expected_etag", grainState.ETag)], cancellationToken) == 0)
        {
            throw Conflict("clear", stateName, grainId, await ReadETagAsync(stateName, grainId, cancellationToken), grainState.ETag);
        }

        ResetToMissing(grainState);
    }

    private void ResetToMissing<T>(IGrainState<T> grainState)
    {
        grainState.State = activatorProvider.GetActivator<T>().Create();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    // The stored ETag is read after the failed statement, for the message only: the row may have changed again since.
    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? storedETag, string? givenETag) =>
        new(
            $"Cannot {operation} state '{stateName}' of grain {grainId} in SQLite grain storage '{name}' (service '{_serviceId}'): " +
            $"the stored ETag is {storedETag ?? "none (no row)"}, the state's is {givenETag ?? "none"}.",
            storedETag,
            givenETag);

    private async Task<string?> ReadETagAsync(string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, $"SELECT etag FROM orleans_grain_state WHERE {Key}", stateName, grainId);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    // One statement in autocommit; the process's write slot keeps it from racing the event writer for the file's lock.
    private async Task<int> ExecuteAsync(
        string sql, string stateName, GrainId grainId, (string Name, object? Value)[] values, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CreateCommand(connection, sql, stateName, grainId);
        foreach (var (parameter, value) in values)
        {
            command.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
        }

        using var slot = await database.EnterWriteAsync(cancellationToken);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private SqliteCommand CreateCommand(SqliteConnection connection, string sql, string stateName, GrainId grainId)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.AddWithValue("$service_id", _serviceId);
        command.Parameters.AddWithValue("$provider_name", name);
        command.Parameters.AddWithValue("$state_name", stateName);
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        return command;
    }
}
