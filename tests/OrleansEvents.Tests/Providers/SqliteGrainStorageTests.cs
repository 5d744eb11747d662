using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using OrleansEvents.Hosting.Sqlite;

namespace OrleansEvents.Tests.Providers;

/// <summary>The grain storage the silo registered, driven directly, so each ETag rule is tested on its own.</summary>
public sealed class SqliteGrainStorageTests(SqliteClusterFixture fixture) : IClassFixture<SqliteClusterFixture>
{
    private const string StateName = "probe";

    private readonly GrainId _grain = GrainId.Create("state-probe", Guid.NewGuid().ToString("N"));

    private IGrainStorage Storage => fixture.Storage;

    [Fact]
    public void SiloResolvesTheSqliteProviders()
    {
        Assert.IsType<SqliteGrainStorage>(Storage);
        Assert.IsType<SqliteReminderTable>(fixture.Cluster.SiloServices().GetRequiredService<IReminderTable>());
    }

    [Fact]
    public async Task StateNeverWrittenReadsAsNewWithoutRecordOrETag()
    {
        var state = new GrainState<ProbeState>(new ProbeState { Value = "left over" }, "left-over-etag");

        await Storage.ReadStateAsync(StateName, _grain, state);

        Assert.NotNull(state.State);
        Assert.Null(state.State.Value);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    [Fact]
    public async Task WrittenStateReadsBackWithTheWritesETag()
    {
        var written = await WriteAsync("first");

        var read = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, _grain, read);

        Assert.Equal("first", read.State?.Value);
        Assert.Equal(written.ETag, read.ETag);
        Assert.True(read.RecordExists);
        Assert.True(written.RecordExists);
    }

    [Fact]
    public async Task EachWriteIssuesANewETag()
    {
        var state = await WriteAsync("first");
        var first = state.ETag;

        state.State = new ProbeState { Value = "second" };
        await Storage.WriteStateAsync(StateName, _grain, state);

        Assert.NotNull(state.ETag);
        Assert.NotEqual(first, state.ETag);
    }

    [Fact]
    public async Task WriteWithAStaleETagThrowsInconsistentStateException()
    {
        var current = await WriteAsync("first");
        var stale = new GrainState<ProbeState>(new ProbeState { Value = "stale" }, current.ETag);
        current.State = new ProbeState { Value = "second" };
        await Storage.WriteStateAsync(StateName, _grain, current);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, _grain, stale));

        Assert.Equal(current.ETag, conflict.StoredEtag);
        Assert.Equal(stale.ETag, conflict.CurrentEtag);
        Assert.Equal("second", (await ReadAsync()).State?.Value);
    }

    [Fact]
    public async Task WriteWithoutAnETagOverAStoredStateThrowsInconsistentStateException()
    {
        var stored = await WriteAsync("first");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage.WriteStateAsync(StateName, _grain, new GrainState<ProbeState>(new ProbeState { Value = "blind" })));

        Assert.Equal(stored.ETag, conflict.StoredEtag);
        Assert.Equal("first", (await ReadAsync()).State?.Value);
    }

    [Fact]
    public async Task WriteWithAnETagWhenNothingIsStoredThrowsInconsistentStateException()
    {
        var state = new GrainState<ProbeState>(new ProbeState { Value = "ghost" }, "etag-of-nothing");

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, _grain, state));

        Assert.Null(conflict.StoredEtag);
        Assert.False((await ReadAsync()).RecordExists);
    }

    [Fact]
    public async Task ClearDeletesTheStateAndTheNextWriteNeedsNoETag()
    {
        var state = await WriteAsync("first");

        await Storage.ClearStateAsync(StateName, _grain, state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
        Assert.Null(state.State.Value);
        Assert.False((await ReadAsync()).RecordExists);

        state.State = new ProbeState { Value = "after clear" };
        await Storage.WriteStateAsync(StateName, _grain, state);
        Assert.Equal("after clear", (await ReadAsync()).State?.Value);
    }

    [Fact]
    public async Task ClearWithAStaleETagThrowsAndKeepsTheState()
    {
        var state = await WriteAsync("first");
        var stale = new GrainState<ProbeState>(new ProbeState(), state.ETag);
        await Storage.WriteStateAsync(StateName, _grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, _grain, stale));

        Assert.True((await ReadAsync()).RecordExists);
    }

    [Fact]
    public async Task StatesOfOtherNamesAndGrainsAreKeptApart()
    {
        await WriteAsync("mine");
        var other = GrainId.Create("state-probe", Guid.NewGuid().ToString("N"));

        var otherName = new GrainState<ProbeState>();
        await Storage.ReadStateAsync("other", _grain, otherName);
        var otherGrain = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, other, otherGrain);

        Assert.False(otherName.RecordExists);
        Assert.False(otherGrain.RecordExists);
    }

    [Fact]
    public async Task PayloadIsWhatTheSilosGrainStorageSerializerWrote()
    {
        await WriteAsync("serialized");
        var serializer = fixture.Cluster.SiloServices().GetRequiredService<IGrainStorageSerializer>();

        await using var connection = await fixture.File.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM orleans_grain_state WHERE grain_id = $grain_id AND state_name = $state_name";
        command.Parameters.AddWithValue("$grain_id", _grain.ToString());
        command.Parameters.AddWithValue("$state_name", StateName);
        var payload = (byte[])(await command.ExecuteScalarAsync())!;

        Assert.Equal("serialized", serializer.Deserialize<ProbeState>(new BinaryData(payload))?.Value);
    }

    private async Task<GrainState<ProbeState>> WriteAsync(string value)
    {
        var state = new GrainState<ProbeState>(new ProbeState { Value = value });
        await Storage.WriteStateAsync(StateName, _grain, state);
        return state;
    }

    private async Task<GrainState<ProbeState>> ReadAsync()
    {
        var state = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, _grain, state);
        return state;
    }
}
