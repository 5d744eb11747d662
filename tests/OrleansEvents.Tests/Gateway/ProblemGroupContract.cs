using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Open problems grouped like issues (GET/POST /api/problems), against both stores; each test has a tenant of its own.</summary>
public abstract partial class ProblemGroupContract(GatewayFixture fixture)
{
    protected GatewayFixture Fixture { get; } = fixture;

    protected ApiTenant Tenant { get; } = fixture.NextTenant();

    protected HttpClient Writer => Fixture.Client(Tenant.WriteKey);

    protected HttpClient Reader => Fixture.Client(Tenant.ReadKey);

    [Fact]
    public async Task TwoStreamsWithTheSameTypeAreOneGroup()
    {
        await PostAsync(
            new { event_type = "pg.offline", severity = "warning", device_id = "d1", message = "first" },
            new { event_type = "pg.offline", severity = "error", device_id = "d2", message = "second" },
            new { event_type = "pg.offline", severity = "info", device_id = "d3", message = "info is never a problem" });

        var group = Assert.Single(await GroupsAsync());

        Assert.Equal("device:pg.offline", group.GetProperty("fingerprint").GetString());
        Assert.Equal("device", group.GetProperty("stream_kind").GetString());
        Assert.Equal("pg.offline", group.GetProperty("event_type").GetString());
        Assert.Equal(2, group.GetProperty("open_count").GetInt64());
        Assert.Equal(2, group.GetProperty("streams_affected").GetInt32());
    }

    [Fact]
    public async Task CountsSeverityFirstLastAndStreamsAffectedAreThoseOfTheOpenEvents()
    {
        var now = DateTimeOffset.UtcNow;
        var first = now.AddHours(-30);
        var last = now.AddMinutes(-10);
        await PostAsync(
            new { event_type = "pg.counted", severity = "warning", lead_id = "l1", message = "oldest", timestamp = first.ToString("O") },
            new { event_type = "pg.counted", severity = "critical", lead_id = "l2", message = "newest", timestamp = last.ToString("O") },
            new { event_type = "pg.counted", severity = "error", session_id = "s1", message = "other kind" });
        // The sample is the message of the group's last recorded event (a batch's streams commit in any order).
        await PostAsync(new { event_type = "pg.counted", severity = "error", lead_id = "l2", message = "middle", timestamp = now.AddHours(-2).ToString("O") });

        var groups = await GroupsAsync();
        var group = groups.Single(g => g.GetProperty("fingerprint").GetString() == "lead:pg.counted");

        Assert.Equal(2, groups.Count);
        Assert.Equal("critical", group.GetProperty("severity").GetString());
        Assert.Equal(3, group.GetProperty("open_count").GetInt64());
        Assert.Equal(2, group.GetProperty("streams_affected").GetInt32());
        Assert.Equal(first.ToUnixTimeMilliseconds(), group.GetProperty("first_seen").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(last.ToUnixTimeMilliseconds(), group.GetProperty("last_seen").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("middle", group.GetProperty("sample_message").GetString());
        Assert.Equal((1L, 1L, 1L), (Count(group, "warning"), Count(group, "error"), Count(group, "critical")));
        var hours = group.GetProperty("last_24h_by_hour").EnumerateArray().ToList();
        Assert.Equal(24, hours.Count);
        Assert.Equal(2, hours.Sum(h => h.GetProperty("count").GetInt64()));
        Assert.True(hours[^1].GetProperty("hour").GetDateTimeOffset() <= now);
    }

    [Fact]
    public async Task ResolvingTheGroupClosesItInEveryStreamAndANewEventOpensItAgain()
    {
        await PostAsync(
            new { event_type = "pg.resolved", severity = "error", lead_id = "r1" },
            new { event_type = "pg.resolved", severity = "error", lead_id = "r1" },
            new { event_type = "pg.resolved", severity = "warning", lead_id = "r2" });

        var answer = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/problems/lead:pg.resolved/resolve",
            JsonContent.Of("""{"resolved_by":"llm_agent","note":"retried all"}""")));

        Assert.Equal(3, answer.GetProperty("resolved").GetInt64());
        Assert.Equal(2, answer.GetProperty("streams").GetInt32());
        Assert.Empty(await GroupsAsync());
        var events = await EventsAsync("event_type=pg.resolved");
        Assert.All(events, e =>
        {
            Assert.True(e.GetProperty("resolved").GetBoolean());
            Assert.Equal("llm_agent", e.GetProperty("resolved_by").GetString());
            Assert.Equal("retried all", e.GetProperty("resolution_note").GetString());
        });
        var keyName = (await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/me"))).GetProperty("key").GetString();
        Assert.All(events, e => Assert.Equal(keyName, e.GetProperty("resolved_by_key").GetString()));
        var audit = Assert.Single(await EventsAsync("stream=system/audit&event_type=audit.problem_group_resolved"));
        Assert.Equal("lead:pg.resolved", audit.GetProperty("context").GetProperty("details").GetProperty("fingerprint").GetString());
        Assert.Equal(keyName, audit.GetProperty("context").GetProperty("key").GetString());

        await PostAsync(new { event_type = "pg.resolved", severity = "error", lead_id = "r3", message = "again" });
        var reopened = Assert.Single(await GroupsAsync());
        Assert.Equal((1L, 1), (reopened.GetProperty("open_count").GetInt64(), reopened.GetProperty("streams_affected").GetInt32()));
        Assert.Equal("again", reopened.GetProperty("sample_message").GetString());
    }

    [Fact]
    public async Task UnresolveReopensTheGroupsResolvedEvents()
    {
        await PostAsync(new { event_type = "pg.reopened", severity = "error", workflow_id = "w1" }, new { event_type = "pg.reopened", severity = "error", workflow_id = "w2" });
        await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/problems/workflow:pg.reopened/resolve", null));

        var answer = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/problems/workflow:pg.reopened/unresolve", null));

        Assert.Equal(2, answer.GetProperty("unresolved").GetInt64());
        Assert.Equal(2, Assert.Single(await GroupsAsync()).GetProperty("open_count").GetInt64());
        Assert.Single(await EventsAsync("stream=system/audit&event_type=audit.problem_group_unresolved"));
    }

    [Fact]
    public async Task FingerprintKeysSplitGroupsByValue()
    {
        await PostAsync(
            new { event_type = "pg.split", severity = "error", device_id = "k1", context = new { model = "x1" } },
            new { event_type = "pg.split", severity = "error", device_id = "k2", context = new { model = "x1", other = 1 } },
            new { event_type = "pg.split", severity = "error", device_id = "k3", context = new { model = "x2" } },
            new { event_type = "pg.split", severity = "error", device_id = "k4", context = new { other = 2 } });
        // The same number written two ways is one value, whatever the store makes of it.
        await PostRawAsync("""[{"event_type":"pg.split","severity":"error","device_id":"k5","context":{"model":100}},{"event_type":"pg.split","severity":"error","device_id":"k6","context":{"model":1e2}}]""");

        var groups = await GroupsAsync();

        Assert.Equal(4, groups.Count);
        Assert.Equal([1L, 1L, 2L, 2L], groups.Select(g => g.GetProperty("open_count").GetInt64()).Order());
        Assert.Contains(groups, g => g.GetProperty("fingerprint").GetString() == "device:pg.split");
        Assert.All(groups, g => Assert.Matches("^device:pg\\.split(:[0-9a-f]{16})?$", g.GetProperty("fingerprint").GetString()));
    }

    [Fact]
    public async Task GroupsAreCountedAgainFromTheStoreWhenTheirGrainIsReactivated()
    {
        await PostAsync(
            new { event_type = "pg.rebuilt", severity = "error", lead_id = "b1", context = new { model = "m" }, message = "one" },
            new { event_type = "pg.rebuilt", severity = "critical", lead_id = "b2", context = new { model = "m" }, message = "two" },
            new { event_type = "pg.rebuilt", severity = "warning", lead_id = "b2", message = "three" });
        var before = await Reader.GetStringAsync("/api/problems");

        await ProblemGroupGrains.DeactivateAsync(Fixture, Tenant.Id);
        var after = await Reader.GetStringAsync("/api/problems");

        Assert.Equal(before, after);
        Assert.Equal(2, JsonDocument.Parse(after).RootElement.GetProperty("groups").GetArrayLength());
    }

    [Fact]
    public async Task ProblemsCommittedAtOnceInManyStreamsAreEachCountedOnce()
    {
        // Reports of commits that overlap travel together in one call to the groups; each counts as if it came alone.
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            PostAsync(new { event_type = "pg.burst", severity = i % 3 == 0 ? "critical" : "error", lead_id = $"burst-{i % 20}", message = $"m{i}" })));

        var group = Assert.Single(await GroupsAsync());
        var before = await Reader.GetStringAsync("/api/problems");
        await ProblemGroupGrains.DeactivateAsync(Fixture, Tenant.Id);

        Assert.Equal(60, group.GetProperty("open_count").GetInt64());
        Assert.Equal(20, group.GetProperty("streams_affected").GetInt32());
        Assert.Equal((40L, 20L), (Count(group, "error"), Count(group, "critical")));
        Assert.Equal(before, await Reader.GetStringAsync("/api/problems"));
    }

    [Fact]
    public async Task TheGroupShowsItsNewestOpenEvents()
    {
        var stored = await PostAsync(
            new { event_type = "pg.detail", severity = "error", session_id = "g1", message = "a" },
            new { event_type = "pg.detail", severity = "error", session_id = "g2", message = "b" },
            new { event_type = "pg.detail", severity = "error", session_id = "g2", message = "c" });

        var detail = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/problems/session:pg.detail?limit=2"));

        Assert.Equal(3, detail.GetProperty("group").GetProperty("open_count").GetInt64());
        Assert.Equal(stored.Select(e => e.GetProperty("id").GetInt64()).OrderDescending().Take(2), detail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
    }

    private static long Count(JsonElement group, string severity) => group.GetProperty("by_severity").GetProperty(severity).GetInt64();

    protected async Task<List<JsonElement>> PostAsync(params object[] events) =>
        await PostRawAsync(JsonSerializer.Serialize(events));

    protected async Task<List<JsonElement>> PostRawAsync(string json)
    {
        var stored = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of(json)), HttpStatusCode.Created);
        return [.. stored.EnumerateArray()];
    }

    protected async Task<List<JsonElement>> GroupsAsync(string query = "")
    {
        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync($"/api/problems{(query.Length > 0 ? "?" + query : "")}"));
        return [.. page.GetProperty("groups").EnumerateArray()];
    }

    private async Task<List<JsonElement>> EventsAsync(string query) =>
        [.. (await ProblemAssert.JsonAsync(await Reader.GetAsync($"/api/events?{query}"))).GetProperty("events").EnumerateArray()];
}
