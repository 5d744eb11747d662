using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Stats, replay and retention over HTTP, against both stores.</summary>
public abstract class GatewayOperationsContract(GatewayFixture fixture)
{
    protected GatewayFixture Fixture { get; } = fixture;

    protected ApiTenant Tenant { get; } = fixture.NextTenant();

    [Fact]
    public async Task StatsCountTheTenantsEventsBySeverityTypeAndCategory()
    {
        using var writer = Fixture.Client(Tenant.WriteKey);
        await writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"scheduler.job_failed","severity":"error"},{"event_type":"scheduler.job_failed","severity":"error"},{"event_type":"device.online"}]"""));

        var stats = await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.ReadKey).GetAsync("/api/events/stats"));

        Assert.Equal(3, stats.GetProperty("total").GetInt64());
        Assert.Equal(2, stats.GetProperty("by_severity").GetProperty("error").GetInt64());
        Assert.Equal(0, stats.GetProperty("by_severity").GetProperty("critical").GetInt64());
        Assert.Equal(2, stats.GetProperty("by_type").GetProperty("scheduler.job_failed").GetInt64());
        Assert.Equal(1, stats.GetProperty("by_category").GetProperty("device").GetInt64());
        Assert.Equal(2, stats.GetProperty("unresolved").GetInt64());
        Assert.Equal(JsonValueKind.String, stats.GetProperty("last_event_at").ValueKind);
        Assert.True(stats.TryGetProperty("last_24h", out _));
    }

    [Fact]
    public async Task ReplayDryRunOfTheCompatibilityExampleCountsAndReplaysNothing()
    {
        using var writer = Fixture.Client(Tenant.WriteKey);
        await writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"message.sent","session_id":"session123"},{"event_type":"message.sent","session_id":"session123"},{"event_type":"message.sent","session_id":"other"}]"""));

        var report = await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.AdminKey).PostAsync("/api/events/replay",
            JsonContent.Of("""{"session_id":"session123","dry_run":true}""")));

        Assert.Equal(2, report.GetProperty("events_found").GetInt64());
        Assert.Equal(0, report.GetProperty("events_replayed").GetInt64());
        Assert.True(report.GetProperty("dry_run").GetBoolean());
        Assert.False(string.IsNullOrEmpty(report.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ReplayDryRunSaysHowManyItsMaxLetsThrough()
    {
        var session = $"capped-{Guid.NewGuid():N}";
        using var writer = Fixture.Client(Tenant.WriteKey);
        await writer.PostAsync("/api/events", JsonContent.Of(
            $$"""[{"event_type":"message.sent","session_id":"{{session}}"},{"event_type":"message.sent","session_id":"{{session}}"},{"event_type":"message.sent","session_id":"{{session}}"}]"""));

        var report = await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.AdminKey).PostAsync("/api/events/replay",
            JsonContent.Of($$"""{"session_id":"{{session}}","dry_run":true,"max":2}""")));

        Assert.Equal(3, report.GetProperty("events_found").GetInt64());
        Assert.Contains("the first 2 would be replayed", report.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayForRealAnswersItsIdAndCounts()
    {
        using var writer = Fixture.Client(Tenant.WriteKey);
        await writer.PostAsync("/api/events", JsonContent.Of("""[{"event_type":"a.b","lead_id":"r1"},{"event_type":"a.c","lead_id":"r1"}]"""));

        var report = await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.AdminKey).PostAsync("/api/events/replay",
            JsonContent.Of("""{"lead_id":"r1","dry_run":false,"max":10}""")));

        Assert.Equal(2, report.GetProperty("events_found").GetInt64());
        Assert.False(report.GetProperty("dry_run").GetBoolean());
        Assert.False(string.IsNullOrEmpty(report.GetProperty("replay_id").GetString()));
        Assert.True(report.TryGetProperty("events_failed", out _));
    }

    [Theory]
    [InlineData("""{"dry_run":true}""", "filter")]
    [InlineData("""{}""", "filter")]
    [InlineData("""{"lead_id":"x","dry_run":"yes"}""", "dry_run")]
    [InlineData("""{"lead_id":"x","max":0}""", "max")]
    [InlineData("""{"lead_id":"x","max":1001}""", "max")]
    [InlineData("""{"since":"last week"}""", "since")]
    [InlineData("""{"stream":"nowhere"}""", "stream")]
    [InlineData("""{"lead":"x"}""", "lead")]
    public async Task ReplayRejectsBadRequestsNamingTheField(string body, string field)
    {
        var response = await Fixture.Client(Tenant.AdminKey).PostAsync("/api/events/replay", JsonContent.Of(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ReplayNeedsAnAdminKey()
    {
        var response = await Fixture.Client(Tenant.WriteKey).PostAsync("/api/events/replay", JsonContent.Of("""{"lead_id":"x"}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RetentionDryRunAnswersCountsPerSeverityForTheSystemTenantsAdmin()
    {
        var report = await ProblemAssert.JsonAsync(await Fixture.Client(GatewayFixture.SystemAdminKey).PostAsync("/api/admin/retention/run",
            JsonContent.Of("""{"dry_run":true}""")));

        Assert.True(report.GetProperty("dry_run").GetBoolean());
        Assert.True(report.GetProperty("by_severity").TryGetProperty("error", out _));
        Assert.True(report.TryGetProperty("deleted", out _));
    }

    [Fact]
    public async Task RetentionRunByATenantsAdminCountsOnlyThatTenantsEvents()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-400).ToString("O");
        var other = Fixture.NextTenant();
        foreach (var (tenant, count) in new[] { (Tenant, 2), (other, 5) })
        {
            var events = string.Join(",", Enumerable.Range(0, count).Select(_ => $$"""{"event_type":"old.thing","severity":"info","timestamp":"{{old}}"}"""));
            Assert.Equal(HttpStatusCode.Created, (await Fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of($"[{events}]"))).StatusCode);
        }

        var report = await ProblemAssert.JsonAsync(await Fixture.Client(Tenant.AdminKey).PostAsync("/api/admin/retention/run",
            JsonContent.Of("""{"dry_run":true}""")));

        Assert.Equal(2, report.GetProperty("deleted").GetInt64());
        Assert.Equal(2, report.GetProperty("by_severity").GetProperty("info").GetInt64());
    }

    [Fact]
    public async Task RetentionIsRefusedToLowerRolesAndNamesABadDryRun()
    {
        await ProblemAssert.IsProblemAsync(
            await Fixture.Client(Tenant.WriteKey).PostAsync("/api/admin/retention/run", JsonContent.Of("""{"dry_run":true}""")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(
            await Fixture.Client(GatewayFixture.SystemAdminKey).PostAsync("/api/admin/retention/run", JsonContent.Of("""{"dry_run":"no"}""")), HttpStatusCode.BadRequest, "dry_run");
        await ProblemAssert.IsProblemAsync(
            await Fixture.Client(GatewayFixture.SystemAdminKey).PostAsync("/api/admin/retention/run", JsonContent.Of("""{"dryrun":false}""")), HttpStatusCode.BadRequest, "dryrun");
    }
}
