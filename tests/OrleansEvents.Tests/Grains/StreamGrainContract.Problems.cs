using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

public abstract partial class StreamGrainContract
{
    [Fact]
    public async Task WarningsAndWorseAreOpenProblemsUntilResolvedAndInfoNeverIs()
    {
        var lead = Grain(StreamId.Lead("p"));
        var appended = await lead.AppendBatchAsync(
        [
            TestEvents.New("lead.note", "info", leadId: "p"),
            TestEvents.New("whatsapp.send_failed", "warning", "first warning", leadId: "p"),
            TestEvents.New("whatsapp.send_failed", "error", "then an error", leadId: "p"),
            TestEvents.New("stripe.charge_failed", "critical", "card declined", leadId: "p"),
        ]);

        var open = await lead.GetUnresolvedAsync();

        Assert.Equal(3, open.Total);
        Assert.Equal((0L, 1L, 1L, 1L), (open.BySeverity[Severity.Info], open.BySeverity[Severity.Warning], open.BySeverity[Severity.Error], open.BySeverity[Severity.Critical]));
        Assert.Equal([appended[3].Event.Id, appended[2].Event.Id, appended[1].Event.Id], open.Newest.Select(p => p.Id));
        Assert.Equal("card declined", open.Newest[0].Message);
    }

    [Fact]
    public async Task ResolveClosesProblemsKeepsTheFirstResolutionAndTellsSubscribers()
    {
        var lead = Grain(StreamId.Lead("r"));
        var error = (await lead.AppendAsync(TestEvents.New(severity: "error", leadId: "r"))).Event;

        var resolved = await lead.ResolveAsync([error.Id], ResolvedBy.LlmAgent, "retried");
        var again = await lead.ResolveAsync([error.Id], ResolvedBy.Human, "second");

        Assert.Equal(ResolvedBy.LlmAgent, Assert.Single(resolved).ResolvedBy);
        Assert.Empty(again);
        Assert.Equal(0, (await lead.GetUnresolvedAsync()).Total);
        Assert.Equal("retried", (await Silo.Log.GetAsync(Tenant, error.Id))!.ResolutionNote);
        await Silo.WaitForNotificationsAsync(seen => seen.Any(n => n.Kind == NotificationKind.Resolved && n.Event.Id == error.Id));

        var reopened = await lead.UnresolveAsync([error.Id]);
        Assert.False(Assert.Single(reopened).Resolved);
        Assert.Equal(1, (await lead.GetUnresolvedAsync()).Total);
    }

    [Fact]
    public async Task ResolvingAnUnknownOrForeignIdIsAClearErrorAndChangesNothing()
    {
        var mine = (await Grain(StreamId.Lead("own")).AppendAsync(TestEvents.New(severity: "error", leadId: "own"))).Event;
        var otherStream = (await Grain(StreamId.Lead("other")).AppendAsync(TestEvents.New(severity: "error", leadId: "other"))).Event;
        var otherTenant = (await Silo.Grains.For("globex", StreamId.Lead("own")).AppendAsync(TestEvents.New(severity: "error", leadId: "own"))).Event;

        var failure = await Assert.ThrowsAsync<UnknownEventException>(() =>
            Grain(StreamId.Lead("own")).ResolveAsync([mine.Id, otherStream.Id, otherTenant.Id, 987_654], ResolvedBy.Human));

        Assert.Equal([otherStream.Id, otherTenant.Id, 987_654L], failure.Ids.Order());
        Assert.False((await Silo.Log.GetAsync(Tenant, mine.Id))!.Resolved);
        await Assert.ThrowsAsync<UnknownEventException>(() => Silo.Commands.ResolveAsync(Tenant, [otherTenant.Id], ResolvedBy.Human, null));
    }

    [Fact]
    public async Task CommandsResolveIdsAcrossStreams()
    {
        var a = (await Silo.Commands.AppendAsync(Tenant, [TestEvents.New(severity: "error", leadId: "x"), TestEvents.New(severity: "error", deviceId: "y")]))
            .Select(r => r.Event.Id).ToList();

        var resolved = await Silo.Commands.ResolveAsync(Tenant, a, ResolvedBy.Auto, "bulk");

        Assert.Equal(a.Order(), resolved.Select(e => e.Id));
        Assert.Equal(0, (await Grain(StreamId.Lead("x")).GetUnresolvedAsync()).Total);
        Assert.Equal(0, (await Grain(StreamId.Device("y")).GetUnresolvedAsync()).Total);
    }

    [Fact]
    public async Task SummaryCountsBySeverityAndTypeWithFirstAndLastTime()
    {
        var t0 = Silo.Clock.GetUtcNow();
        var lead = Grain(StreamId.Lead("sum"));
        await lead.AppendBatchAsync(
        [
            TestEvents.New("a.one", "info", leadId: "sum", timestamp: t0.AddHours(-2)),
            TestEvents.New("a.one", "error", leadId: "sum", timestamp: t0.AddHours(-1)),
            TestEvents.New("a.two", "warning", leadId: "sum", timestamp: t0),
        ]);

        var summary = await lead.GetSummaryAsync();

        Assert.Equal(("lead/sum", 3L, 3L, 2L), (summary.Stream, summary.Version, summary.Total, summary.Unresolved));
        Assert.Equal(2, summary.ByType["a.one"]);
        Assert.Equal(1, summary.BySeverity[Severity.Error]);
        Assert.Equal((t0.AddHours(-2), t0), (summary.FirstEventAt!.Value, summary.LastEventAt!.Value));
    }

    [Fact]
    public async Task AReactivatedGrainAnswersExactlyAsBefore()
    {
        var lead = Grain(StreamId.Lead("again"));
        var appended = await lead.AppendBatchAsync(
        [
            TestEvents.New("x.y", "error", leadId: "again"),
            TestEvents.New("x.z", "critical", leadId: "again"),
            TestEvents.New("x.y", "info", leadId: "again"),
        ]);
        await lead.ResolveAsync([appended[0].Event.Id], ResolvedBy.Human);
        var summaryBefore = await lead.GetSummaryAsync();
        var openBefore = await lead.GetUnresolvedAsync();

        // Orleans collects the idle activation; the next call activates the grain afresh from what is stored.
        var management = Silo.Grains.GetGrain<Orleans.Runtime.IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.DoesNotContain(await management.GetDetailedGrainStatistics(), a => a.GrainId.Key.ToString() == StreamGrainKey.Of(Tenant, StreamId.Lead("again")));
        var fresh = Grain(StreamId.Lead("again"));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(summaryBefore), System.Text.Json.JsonSerializer.Serialize(await fresh.GetSummaryAsync()));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(openBefore), System.Text.Json.JsonSerializer.Serialize(await fresh.GetUnresolvedAsync()));
        Assert.Equal(4, (await fresh.AppendAsync(TestEvents.New(leadId: "again"))).Event.Version);
    }
}
