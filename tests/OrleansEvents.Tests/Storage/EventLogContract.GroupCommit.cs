using OrleansEvents.Events;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Storage;

public abstract partial class EventLogContract
{
    [Fact]
    public async Task GroupCommitFailsOnlyTheRequestWhoseStreamMoved()
    {
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "moved")]);

        var outcomes = await Log.AppendManyAsync(
        [
            Request(Tenant, expected: 0, TestEvents.New(leadId: "moved")),
            Request(Tenant, expected: 0, TestEvents.New(leadId: "fresh"), TestEvents.New(leadId: "fresh")),
        ]);

        var conflict = Assert.IsType<StreamVersionConflictException>(outcomes[0].Conflict);
        Assert.Equal((0L, 1L), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Empty(outcomes[0].Events);
        Assert.True(outcomes[1].Succeeded);
        Assert.Equal([1L, 2L], outcomes[1].Events.Select(e => e.Event.Version));
        Assert.Equal(1, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("moved")));
    }

    [Fact]
    public async Task GroupCommitChainsRequestsToOneStreamInArrivalOrder()
    {
        var outcomes = await Log.AppendManyAsync(
        [
            Request(Tenant, expected: 0, TestEvents.New(sessionId: "chain", message: "first")),
            Request(Tenant, expected: 1, TestEvents.New(sessionId: "chain", message: "second")),
            Request(Tenant, expected: 1, TestEvents.New(sessionId: "chain", message: "stale")),
        ]);

        Assert.True(outcomes[0].Succeeded);
        Assert.True(outcomes[1].Succeeded);
        Assert.Equal(2, Assert.IsType<StreamVersionConflictException>(outcomes[2].Conflict).ActualVersion);
        Assert.Equal(["first", "second"], (await Log.ReadStreamAsync(Tenant, StreamId.Session("chain"), 1, 10)).Select(e => e.Message));
    }

    [Fact]
    public async Task GroupCommitKeepsEachTenantsEventsApart()
    {
        var other = TestEvents.Tenant();

        var outcomes = await Log.AppendManyAsync(
        [
            Request(Tenant, expected: null, TestEvents.New(leadId: "same", eventId: "same-id")),
            Request(other, expected: null, TestEvents.New(leadId: "same", eventId: "same-id")),
        ]);

        Assert.All(outcomes, o => Assert.False(o.Events[0].IsDuplicate));
        Assert.Equal(Tenant, outcomes[0].Events[0].Event.TenantId);
        Assert.Equal(other, outcomes[1].Events[0].Event.TenantId);
        Assert.Equal(1, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("same")));
        Assert.Equal(1, await Log.GetStreamVersionAsync(other, StreamId.Lead("same")));
    }

    [Fact]
    public async Task AGroupPastTheStatementParameterLimitCommitsAndFindsItsRepeatedEventIds()
    {
        // 33 requests of 1 000: more event ids than SQLite takes parameters in one statement.
        NewEvent[] Batch(int b) => Enumerable.Range(0, 1000).Select(i => TestEvents.New(leadId: $"bulk-{b}", eventId: $"bulk-{b}-{i}")).ToArray();
        await Log.AppendAsync(Tenant, Batch(0));

        var outcomes = await Log.AppendManyAsync(Enumerable.Range(0, 33).Select(b => Request(Tenant, expected: null, Batch(b))).ToList());

        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.All(outcomes[0].Events, e => Assert.True(e.IsDuplicate));
        Assert.Equal(32_000, outcomes.Skip(1).SelectMany(o => o.Events).Count(e => !e.IsDuplicate));
    }

    private AppendRequest Request(string tenant, long? expected, params NewEvent[] events)
    {
        var pending = EventValidator.Normalize(events, Fixture.Clock.GetUtcNow());
        var expectations = expected is { } version
            ? pending.Select(e => e.Stream).Distinct().ToDictionary(s => s, _ => version)
            : null;
        return new AppendRequest(tenant, pending, expectations);
    }
}
