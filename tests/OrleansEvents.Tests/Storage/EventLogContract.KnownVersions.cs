using OrleansEvents.Events;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Storage;

/// <summary>A known-version hint may let a store skip reading heads, but a wrong one never changes what is stored.</summary>
public abstract partial class EventLogContract
{
    [Fact]
    public async Task AStaleKnownVersionStillAppendsAtTheNextVersion()
    {
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "behind"), TestEvents.New(leadId: "behind")]);

        var outcome = (await Log.AppendManyAsync([Hinted(Tenant, known: 1, TestEvents.New(leadId: "behind"))]))[0];

        Assert.True(outcome.Succeeded);
        Assert.Equal(3, outcome.Events[0].Event.Version);
        Assert.Equal([1L, 2L, 3L], (await Log.ReadStreamAsync(Tenant, StreamId.Lead("behind"), 1, 10)).Select(e => e.Version));
    }

    [Fact]
    public async Task AKnownVersionAheadOfTheStoreLeavesNoGap()
    {
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "ahead")]);

        var outcome = (await Log.AppendManyAsync([Hinted(Tenant, known: 7, TestEvents.New(leadId: "ahead"), TestEvents.New(leadId: "ahead"))]))[0];

        Assert.Equal([2L, 3L], outcome.Events.Select(e => e.Event.Version));
        Assert.Equal(3, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("ahead")));
    }

    [Fact]
    public async Task AKnownVersionNeverReusesTheVersionOfADeletedEvent()
    {
        var stored = await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "trimmed"), TestEvents.New(leadId: "trimmed")]);
        Assert.True(await Log.DeleteAsync(Tenant, stored[1].Event.Id));

        // The newest event left says 1, but version 2 was taken once and stays taken.
        var outcome = (await Log.AppendManyAsync([Hinted(Tenant, known: 1, TestEvents.New(leadId: "trimmed"))]))[0];

        Assert.Equal(3, outcome.Events[0].Event.Version);
    }

    [Fact]
    public async Task AKnownVersionWithAStoredEventIdReportsTheDuplicate()
    {
        var first = (await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "resent", eventId: "resent-1")]))[0];

        var outcomes = await Log.AppendManyAsync(
        [
            Hinted(Tenant, known: 1, TestEvents.New(leadId: "resent", eventId: "resent-1"), TestEvents.New(leadId: "resent", eventId: "resent-2")),
            Hinted(Tenant, known: 0, TestEvents.New(leadId: "bystander")),
        ]);

        Assert.True(outcomes[0].Events[0].IsDuplicate);
        Assert.Equal(first.Event.Id, outcomes[0].Events[0].Event.Id);
        Assert.Equal(2, outcomes[0].Events[1].Event.Version);
        Assert.Equal(1, outcomes[1].Events[0].Event.Version);
        Assert.Equal(2, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("resent")));
    }

    [Fact]
    public async Task OneStaleKnownVersionDoesNotDisturbTheOthersInTheGroup()
    {
        await Log.AppendAsync(Tenant, [TestEvents.New(sessionId: "stale-one")]);

        var outcomes = await Log.AppendManyAsync(
        [
            Hinted(Tenant, known: 0, TestEvents.New(sessionId: "fresh-one")),
            Hinted(Tenant, known: 0, TestEvents.New(sessionId: "stale-one")),
            Hinted(Tenant, known: 0, TestEvents.New(sessionId: "fresh-one")),
        ]);

        Assert.Equal([1L, 2L, 2L], outcomes.Select(o => o.Events[0].Event.Version));
        Assert.Equal(2, await Log.GetStreamVersionAsync(Tenant, StreamId.Session("stale-one")));
        Assert.Equal(2, await Log.GetStreamVersionAsync(Tenant, StreamId.Session("fresh-one")));
    }

    private AppendRequest Hinted(string tenant, long known, params NewEvent[] events)
    {
        var pending = EventValidator.Normalize(events, Fixture.Clock.GetUtcNow());
        return new AppendRequest(tenant, pending, KnownVersions: pending.Select(e => e.Stream).Distinct().ToDictionary(s => s, _ => known));
    }
}
