using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// Reads over HTTP (query, one event, open problems, the admin list), run against both stores by a
/// subclass each. Each test seeds its own tenants through the event log and reads through the API.
/// </summary>
public abstract partial class GatewayQueryContract(GatewayFixture fixture)
{
    protected GatewayFixture Fixture { get; } = fixture;

    protected ApiTenant Tenant { get; } = fixture.NextTenant();

    protected HttpClient Reader => Fixture.Client(Tenant.ReadKey);

    [Fact]
    public async Task QueryAnswersPageInSnakeCaseWithoutTotalUnlessAsked()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("whatsapp.send_failed", "WARN", "Send failed", leadId: "42", contextJson: """{"Retry":{"After":5},"keep_Case":true}"""),
        ]);

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events"));

        Assert.Equal(100, page.GetProperty("limit").GetInt32());
        Assert.Equal(0, page.GetProperty("offset").GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
        Assert.False(page.TryGetProperty("total", out _));
        var stored = Assert.Single(page.GetProperty("events").EnumerateArray());
        Assert.Equal("whatsapp.send_failed", stored.GetProperty("event_type").GetString());
        Assert.Equal("warning", stored.GetProperty("severity").GetString());
        Assert.Equal("lead/42", stored.GetProperty("stream").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.Equal("42", stored.GetProperty("lead_id").GetString());
        Assert.Equal(5, stored.GetProperty("context").GetProperty("Retry").GetProperty("After").GetInt32());
        Assert.True(stored.GetProperty("context").GetProperty("keep_Case").GetBoolean());
        Assert.Matches("^[0-9]+-[0-9]+$", stored.GetProperty("position").GetString());
    }

    [Fact]
    public async Task QueryCountsTotalWhenIncludeTotalIsTrue()
    {
        await Fixture.Log.AppendAsync(Tenant.Id, [TestEvents.New(), TestEvents.New(), TestEvents.New()]);

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?limit=2&include_total=true"));

        Assert.Equal(3, page.GetProperty("total").GetInt64());
        Assert.Equal(2, page.GetProperty("events").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, page.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task QueryPagesNewestFirstThroughNextCursor()
    {
        for (var i = 0; i < 5; i++)
        {
            await Fixture.Log.AppendAsync(Tenant.Id, [TestEvents.New(message: $"m{i}")]);
        }

        var seen = new List<string>();
        var url = "/api/events?limit=2";
        while (true)
        {
            var page = await ProblemAssert.JsonAsync(await Reader.GetAsync(url));
            seen.AddRange(page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!));
            if (page.GetProperty("next_cursor").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            url = $"/api/events?limit=2&before_id={page.GetProperty("next_cursor").GetInt64()}";
        }

        Assert.Equal(["m4", "m3", "m2", "m1", "m0"], seen);
    }

    [Fact]
    public async Task QueryFiltersBySeverityCategoryAndResolvedAsInTheCompatibilityExample()
    {
        var appended = await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("scheduler.job_failed", "error", "wanted"),
            TestEvents.New("scheduler.job_failed", "error", "resolved one"),
            TestEvents.New("scheduler.job_late", "warning", "wrong severity"),
            TestEvents.New("device.offline", "error", "wrong category"),
        ]);
        await Fixture.Log.ResolveAsync(Tenant.Id, [appended[1].Event.Id], new OrleansEvents.Events.Resolution(OrleansEvents.Events.ResolvedBy.Human));

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?severity=error&category=scheduler&resolved=false"));

        Assert.Equal(["wanted"], Messages(page));
    }

    [Fact]
    public async Task QueryFiltersBySessionAndEventTypeAsInTheCompatibilityExample()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("message.sent", message: "wanted", sessionId: "session123"),
            TestEvents.New("message.sent", message: "other session", sessionId: "session999"),
            TestEvents.New("message.received", message: "other type", sessionId: "session123"),
        ]);

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?session_id=session123&event_type=message.sent&limit=100"));

        Assert.Equal(["wanted"], Messages(page));
    }

    [Fact]
    public async Task QueryFiltersBySinceAndUntilAsInTheCompatibilityExample()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New(message: "before", timestamp: new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero)),
            TestEvents.New(message: "first", timestamp: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            TestEvents.New(message: "last", timestamp: new DateTimeOffset(2026, 2, 3, 23, 59, 59, TimeSpan.Zero)),
            TestEvents.New(message: "after", timestamp: new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero)),
        ]);

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?since=2026-02-01T00:00:00Z&until=2026-02-03T23:59:59Z"));

        Assert.Equal(["last", "first"], Messages(page));
    }

    [Fact]
    public async Task QueryReadsAnOffsetWhosePlusTheQueryStringTurnedIntoASpace()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New(message: "before", timestamp: new DateTimeOffset(2026, 1, 31, 23, 59, 59, TimeSpan.Zero)),
            TestEvents.New(message: "first", timestamp: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            TestEvents.New(message: "after", timestamp: new DateTimeOffset(2026, 2, 4, 0, 0, 0, TimeSpan.Zero)),
        ]);

        // Typed as is, with no %2B: the server reads the + as a space.
        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?since=2026-02-01T01:00:00+01:00&until=2026-02-03T22:59:59-01:00"));

        Assert.Equal(["first"], Messages(page));
    }

    [Fact]
    public async Task QueryTreatsTrailingStarAsEventTypePrefix()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("whatsapp.send_failed", message: "a"),
            TestEvents.New("whatsapp.delivered", message: "b"),
            TestEvents.New("whatsappx.other", message: "c"),
        ]);

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?event_type=whatsapp.*&order=asc"));

        Assert.Equal(["a", "b"], Messages(page));
    }

    [Fact]
    public async Task QueryAcceptsSeverityListAndMinimumSeverity()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New(severity: "info", message: "i"),
            TestEvents.New(severity: "warning", message: "w"),
            TestEvents.New(severity: "error", message: "e"),
            TestEvents.New(severity: "critical", message: "c"),
        ]);

        var list = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?severity=INFO,critical&order=asc"));
        var minimum = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?min_severity=error&order=asc"));

        Assert.Equal(["i", "c"], Messages(list));
        Assert.Equal(["e", "c"], Messages(minimum));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=-1", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=1&limit=2", "limit")]
    [InlineData("offset=-5", "offset")]
    [InlineData("since=yesterday", "since")]
    [InlineData("until=2026-02-03", "until")]
    [InlineData("since=2026-02-03T00:00:00", "since")]
    [InlineData("severity=fatal", "severity")]
    [InlineData("min_severity=loud", "min_severity")]
    [InlineData("event_type=Not%20A%20Type", "event_type")]
    [InlineData("event_type=Whatsapp*", "event_type")]
    [InlineData("resolved=maybe", "resolved")]
    [InlineData("order=sideways", "order")]
    [InlineData("after_id=x", "after_id")]
    [InlineData("stream=planet/earth", "stream")]
    [InlineData("colour=red", "colour")]
    [InlineData("severty=error", "severty")]
    public async Task QueryRejectsBadParameterNamingIt(string query, string field)
    {
        var response = await Reader.GetAsync("/api/events?" + query);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task QueryTakesSqlInjectionTextAsPlainText()
    {
        const string hostile = "x'); DROP TABLE events; --";
        await Fixture.Log.AppendAsync(Tenant.Id, [TestEvents.New(message: hostile, leadId: hostile)]);

        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync($"/api/events?lead_id={Uri.EscapeDataString(hostile)}&q={Uri.EscapeDataString("DROP TABLE")}"));

        Assert.Equal([hostile], Messages(page));
    }

    [Fact]
    public async Task GetAnswersTheEventById()
    {
        var appended = await Fixture.Log.AppendAsync(Tenant.Id, [TestEvents.New(message: "ünïcødé ✓ 🚀")]);

        var stored = await ProblemAssert.JsonAsync(await Reader.GetAsync($"/api/events/{appended[0].Event.Id}"));

        Assert.Equal("ünïcødé ✓ 🚀", stored.GetProperty("message").GetString());
        Assert.Equal(appended[0].Event.EventId, stored.GetProperty("event_id").GetString());
    }

    [Fact]
    public async Task GetOfUnknownIdIsNotFoundProblem()
    {
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/events/987654321"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UnresolvedListsOpenProblemsOfWarningAndAbove()
    {
        var appended = await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New(severity: "info", message: "not a problem"),
            TestEvents.New(severity: "warning", message: "open warning", leadId: "7"),
            TestEvents.New(severity: "error", message: "closed error"),
            TestEvents.New(severity: "critical", message: "open critical"),
        ]);
        await Fixture.Log.ResolveAsync(Tenant.Id, [appended[2].Event.Id], new OrleansEvents.Events.Resolution(OrleansEvents.Events.ResolvedBy.Auto));

        var all = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events/unresolved"));
        var ofLead = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events/unresolved?lead_id=7&limit=10"));

        Assert.Equal(["open critical", "open warning"], Messages(all));
        Assert.Equal(["open warning"], Messages(ofLead));
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/events/unresolved?since=2026-01-01T00:00:00Z"), HttpStatusCode.BadRequest, "since");
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/events/unresolved?limit=1001"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task AdminEventsListsMostRecentFirstForOneLeadAndCapsTheLimit()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New(message: "old", leadId: "123"),
            TestEvents.New(message: "other lead", leadId: "124"),
            TestEvents.New(message: "new", leadId: "123"),
        ]);
        using var admin = Fixture.Client();
        admin.DefaultRequestHeaders.Add("X-Admin-API-Key", Tenant.AdminKey);

        var page = await ProblemAssert.JsonAsync(await admin.GetAsync("/admin/events?limit=200&lead_id=123"));
        var capped = await ProblemAssert.JsonAsync(await admin.GetAsync("/admin/events?limit=5000"));
        var byDefault = await ProblemAssert.JsonAsync(await admin.GetAsync("/admin/events"));

        Assert.Equal(["new", "old"], Messages(page));
        Assert.Equal(200, page.GetProperty("limit").GetInt32());
        Assert.Equal(1000, capped.GetProperty("limit").GetInt32());
        Assert.Equal(100, byDefault.GetProperty("limit").GetInt32());
        await ProblemAssert.IsProblemAsync(await admin.GetAsync("/admin/events?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/admin/events"), HttpStatusCode.Forbidden);
    }

    protected static string[] Messages(JsonElement page) =>
        page.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("message").GetString()!).ToArray();
}
