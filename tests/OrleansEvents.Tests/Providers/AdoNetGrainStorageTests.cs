using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace OrleansEvents.Tests.Providers;

[Collection(OrleansPostgresCollection.Name)]
public sealed class AdoNetGrainStorageTests(PostgresOrleansCluster fixture)
{
    // The provider's "grain type" is the state's name; the direct tests use one no grain has.
    private const string GrainType = "direct-note";

    [Fact]
    public async Task StateWrittenIsReadBackAfterDeactivation()
    {
        var grain = fixture.Cluster.Client.GetGrain<INoteGrain>("read-back");
        await grain.WriteAsync("kept");

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(("kept", true), await grain.ReadAsync());
    }

    [Fact]
    public async Task ClearedStateReadsBackEmptyAndCanBeWrittenAgain()
    {
        var grain = fixture.Cluster.Client.GetGrain<INoteGrain>("cleared");
        await grain.WriteAsync("gone soon");

        await grain.ClearAsync();
        await fixture.Cluster.DeactivateAsync(grain);
        var cleared = await grain.ReadAsync();
        await grain.WriteAsync("back");
        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal((null, false), cleared);
        Assert.Equal(("back", true), await grain.ReadAsync());
    }

    [Fact]
    public async Task WriteWithAStaleEtagIsRefused()
    {
        var storage = Storage(PostgresOrleansCluster.GrainStorage);
        var grainId = GrainId.Create(GrainType, "stale-write");
        var mine = new GrainState<Note>(new Note { Text = "first" });
        await storage.WriteStateAsync(GrainType, grainId, mine);
        var theirs = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(GrainType, grainId, theirs);
        theirs.State = new Note { Text = "second" };
        await storage.WriteStateAsync(GrainType, grainId, theirs);

        mine.State = new Note { Text = "lost update" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, mine));

        var stored = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(GrainType, grainId, stored);
        Assert.Equal("second", stored.State?.Text);
    }

    [Fact]
    public async Task OfTwoFirstWritesOnlyOneIsStored()
    {
        var storage = Storage(PostgresOrleansCluster.GrainStorage);
        var grainId = GrainId.Create(GrainType, "first-writes");
        var one = new GrainState<Note>(new Note { Text = "one" });
        var other = new GrainState<Note>(new Note { Text = "other" });

        await storage.WriteStateAsync(GrainType, grainId, one);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(GrainType, grainId, other));
        var stored = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(GrainType, grainId, stored);
        Assert.Equal("one", stored.State?.Text);
    }

    [Fact]
    public async Task ClearWithAStaleEtagIsRefused()
    {
        var storage = Storage(PostgresOrleansCluster.GrainStorage);
        var grainId = GrainId.Create(GrainType, "stale-clear");
        var mine = new GrainState<Note>(new Note { Text = "first" });
        await storage.WriteStateAsync(GrainType, grainId, mine);
        var theirs = new GrainState<Note>(new Note());
        await storage.ReadStateAsync(GrainType, grainId, theirs);
        await storage.WriteStateAsync(GrainType, grainId, theirs);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(GrainType, grainId, mine));
    }

    [Fact]
    public async Task ClearWithDeleteStateOnClearRemovesTheRow()
    {
        var storage = Storage(PostgresOrleansCluster.DeletingGrainStorage);
        var grainId = GrainId.Create(GrainType, "deleted");
        var state = new GrainState<Note>(new Note { Text = "deleted soon" });
        await storage.WriteStateAsync(GrainType, grainId, state);

        await storage.ClearStateAsync(GrainType, grainId, state);

        Assert.Null(state.ETag);
        Assert.Equal(0L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE state_name = $1 AND extension = $2", GrainType, "deleted"));
    }

    private IGrainStorage Storage(string name) => fixture.SiloServices(0).GetRequiredKeyedService<IGrainStorage>(name);
}
