namespace OrleansEvents.Tests.Providers;

/// <summary>Grain state through <c>IPersistentState</c> on the SQLite grain storage, across activations of a grain.</summary>
public sealed class SqliteGrainStateTests(SqliteClusterFixture fixture) : IClassFixture<SqliteClusterFixture>
{
    private readonly IStateProbeGrain _grain = fixture.Cluster.Client.GetGrain<IStateProbeGrain>(Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task GrainStateSurvivesDeactivation()
    {
        await _grain.WriteAsync("kept");
        var before = await _grain.ReadAsync();

        await fixture.Cluster.DeactivateAsync(_grain);
        var after = await _grain.ReadAsync();

        Assert.NotEqual(before.Activation, after.Activation);
        Assert.Equal("kept", after.Value);
        Assert.Equal(1, after.Writes);
        Assert.True(after.RecordExists);
    }

    [Fact]
    public async Task GrainWithClearedStateStartsFreshAndCanWriteAgain()
    {
        await _grain.WriteAsync("cleared");
        await _grain.ClearAsync();

        await fixture.Cluster.DeactivateAsync(_grain);
        var cleared = await _grain.ReadAsync();
        await _grain.WriteAsync("rewritten");
        await fixture.Cluster.DeactivateAsync(_grain);
        var rewritten = await _grain.ReadAsync();

        Assert.Equal(new StateProbeView(null, 0, false, cleared.Activation), cleared);
        Assert.Equal(("rewritten", 1, true), (rewritten.Value, rewritten.Writes, rewritten.RecordExists));
    }

    [Fact]
    public async Task GrainThatWritesRepeatedlyKeepsItsETagInStep()
    {
        await _grain.WriteAsync("one");
        await _grain.WriteAsync("two");
        await _grain.WriteAsync("three");

        await fixture.Cluster.DeactivateAsync(_grain);
        var state = await _grain.ReadAsync();

        Assert.Equal(("three", 3), (state.Value, state.Writes));
    }
}
