using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary><c>problemsChanged</c> on the hub, through the official SignalR .NET client: one message per group change, not per event.</summary>
public abstract partial class ProblemGroupContract
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task TheHubSaysOnceThatAGroupChangedHoweverManyEventsChangedIt()
    {
        await using var hub = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);

        await PostAsync([.. Enumerable.Range(0, 6).Select(i => (object)new { event_type = "ph.burst", severity = "error", lead_id = $"hb{i % 3}" })]);
        var opened = await hub.NextProblemsChangedAsync(TimeSpan.FromSeconds(20));
        var more = await hub.ProblemsChangedWithinAsync(Quiet);

        Assert.Equal("lead:ph.burst", opened.GetProperty("fingerprint").GetString());
        Assert.Equal(6, opened.GetProperty("group").GetProperty("open_count").GetInt64());
        Assert.Equal(3, opened.GetProperty("group").GetProperty("streams_affected").GetInt32());
        Assert.Empty(more);

        await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/problems/lead:ph.burst/resolve", null));
        var closed = await hub.NextProblemsChangedAsync(TimeSpan.FromSeconds(20));
        var after = await hub.ProblemsChangedWithinAsync(Quiet);

        Assert.Equal("lead:ph.burst", closed.GetProperty("fingerprint").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, closed.GetProperty("group").ValueKind);
        Assert.Empty(after);
    }

    [Fact]
    public async Task TheHubTellsOnlyTheGroupsOwnTenant()
    {
        var other = Fixture.NextTenant();
        await using var stranger = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, other.ReadKey);
        await using var own = await HubClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);

        await PostAsync(new { event_type = "ph.private", severity = "error", lead_id = "x" });

        Assert.Equal("lead:ph.private", (await own.NextProblemsChangedAsync(TimeSpan.FromSeconds(20))).GetProperty("fingerprint").GetString());
        Assert.Empty(await stranger.ProblemsChangedWithinAsync(Quiet));
    }
}
