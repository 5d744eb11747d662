using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Storage;

public abstract partial class EventLogContract
{
    public static TheoryData<string> FilterNames => new(FilterCases.Keys);

    private static readonly DateTimeOffset Day = new(2026, 2, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Each filter the API offers, with the rule it must follow, checked against the store's answer.</summary>
    private static readonly Dictionary<string, (EventFilter Filter, Func<StoredEvent, bool> Rule)> FilterCases = new()
    {
        ["severity list"] = (new() { Severities = [Severity.Error, Severity.Critical] }, e => e.Severity is Severity.Error or Severity.Critical),
        ["min severity"] = (new() { MinSeverity = Severity.Warning }, e => e.Severity >= Severity.Warning),
        ["list and minimum"] = (new() { Severities = [Severity.Info, Severity.Error], MinSeverity = Severity.Warning }, e => e.Severity == Severity.Error),
        ["category"] = (new() { Category = "scheduler" }, e => e.Category == "scheduler"),
        ["one severity in a category"] = (new() { Severities = [Severity.Error], Category = "whatsapp" }, e => e.Severity == Severity.Error && e.Category == "whatsapp"),
        ["open problems of one severity"] = (new() { Resolved = false, Severities = [Severity.Critical] }, e => !e.Resolved && e.Severity == Severity.Critical),
        ["event type exact"] = (new() { EventType = "whatsapp.send_failed" }, e => e.EventType == "whatsapp.send_failed"),
        ["event type prefix"] = (new() { EventTypePrefix = "whatsapp." }, e => e.EventType.StartsWith("whatsapp.", StringComparison.Ordinal)),
        ["lead"] = (new() { LeadId = "lead-1" }, e => e.LeadId == "lead-1"),
        ["session"] = (new() { SessionId = "session-2" }, e => e.SessionId == "session-2"),
        ["device"] = (new() { DeviceId = "device-0" }, e => e.DeviceId == "device-0"),
        ["account"] = (new() { AccountId = "acct-1" }, e => e.AccountId == "acct-1"),
        ["workflow"] = (new() { WorkflowId = "wf-2" }, e => e.WorkflowId == "wf-2"),
        ["stream"] = (new() { Stream = StreamId.Lead("lead-2") }, e => e.Stream == StreamId.Lead("lead-2")),
        ["source"] = (new() { Source = "customer" }, e => e.Source == "customer"),
        ["unresolved"] = (new() { Resolved = false }, e => !e.Resolved),
        ["resolved"] = (new() { Resolved = true }, e => e.Resolved),
        ["since"] = (new() { Since = Day.AddHours(10) }, e => e.Timestamp >= Day.AddHours(10)),
        ["until"] = (new() { Until = Day.AddHours(10) }, e => e.Timestamp <= Day.AddHours(10)),
        ["time range"] = (new() { Since = Day.AddHours(5), Until = Day.AddHours(15) }, e => e.Timestamp >= Day.AddHours(5) && e.Timestamp <= Day.AddHours(15)),
        ["text ignoring case"] = (new() { Text = "TIMEOUT" }, e => e.Message.Contains("timeout", StringComparison.OrdinalIgnoreCase)),
        ["text with like wildcards"] = (new() { Text = "100%" }, e => e.Message.Contains("100%", StringComparison.Ordinal)),
        ["combined"] = (new() { Category = "whatsapp", MinSeverity = Severity.Error, Resolved = false },
            e => e.Category == "whatsapp" && e.Severity >= Severity.Error && !e.Resolved),
    };

    [Theory]
    [MemberData(nameof(FilterNames))]
    public async Task QueryReturnsExactlyTheEventsMatchingEachFilter(string name)
    {
        var seeded = await SeedQueryDataAsync();
        var (filter, rule) = FilterCases[name];

        var page = await Log.QueryAsync(Tenant, filter with { Limit = 1000, IncludeTotal = true });

        var expected = seeded.Where(rule).Select(e => e.Id).OrderDescending().ToList();
        Assert.NotEmpty(expected);
        Assert.NotEqual(seeded.Count, expected.Count);
        Assert.Equal(expected, page.Events.Select(e => e.Id));
        Assert.Equal(expected.Count, page.Total);
    }

    [Fact]
    public async Task QueryPagesWithOffsetAndCountsTheTotal()
    {
        await Log.AppendAsync(Tenant, Enumerable.Range(0, 25).Select(i => TestEvents.New(message: $"n{i}")).ToList());

        var page = await Log.QueryAsync(Tenant, new EventFilter { Limit = 10, Offset = 20, IncludeTotal = true, Order = SortOrder.Ascending });

        Assert.Equal(["n20", "n21", "n22", "n23", "n24"], page.Events.Select(e => e.Message));
        Assert.Equal(25, page.Total);
        Assert.Null(page.NextCursor);
        Assert.Null((await Log.QueryAsync(Tenant, new EventFilter { Limit = 10 })).Total);
    }

    [Fact]
    public async Task QueryNeverReturnsAnotherTenantsEvents()
    {
        var other = TestEvents.Tenant();
        await Log.AppendAsync(other, [TestEvents.New(leadId: "shared"), TestEvents.New(leadId: "shared")]);
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "shared")]);

        var page = await Log.QueryAsync(Tenant, new EventFilter { LeadId = "shared", IncludeTotal = true });

        Assert.Equal(Tenant, Assert.Single(page.Events).TenantId);
        Assert.Equal(1, page.Total);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(-1)]
    public async Task QueryRejectsALimitOutsideOneToAThousand(int limit)
    {
        var failure = await Assert.ThrowsAsync<EventValidationException>(() => Log.QueryAsync(Tenant, new EventFilter { Limit = limit }));

        Assert.Equal("limit", Assert.Single(failure.Errors).Field);
    }

    [Fact]
    public async Task UnresolvedOfAStreamListsOpenProblemsNewestFirst()
    {
        var appended = await Log.AppendAsync(Tenant,
        [
            TestEvents.New(severity: "info", leadId: "open"),
            TestEvents.New(severity: "warning", leadId: "open"),
            TestEvents.New(severity: "critical", leadId: "open"),
            TestEvents.New(severity: "error", leadId: "open"),
            TestEvents.New(severity: "error", leadId: "other"),
        ]);
        await Log.ResolveAsync(Tenant, [appended[3].Event.Id], new Resolution(ResolvedBy.Auto));

        var open = await Log.GetUnresolvedAsync(Tenant, StreamId.Lead("open"), Severity.Warning, 100);
        var severe = await Log.GetUnresolvedAsync(Tenant, StreamId.Lead("open"), Severity.Error, 100);

        Assert.Equal([appended[2].Event.Id, appended[1].Event.Id], open.Select(e => e.Id));
        Assert.Equal([appended[2].Event.Id], severe.Select(e => e.Id));
    }

    [Fact]
    public async Task CountStreamGroupsBySeverityTypeAndResolution()
    {
        var now = Fixture.Clock.GetUtcNow();
        var appended = await Log.AppendAsync(Tenant,
        [
            TestEvents.New("a.one", "error", leadId: "counted", timestamp: now.AddHours(-3)),
            TestEvents.New("a.one", "error", leadId: "counted", timestamp: now.AddHours(-1)),
            TestEvents.New("a.two", "info", leadId: "counted", timestamp: now.AddHours(-2)),
            TestEvents.New("a.two", "info", leadId: "elsewhere"),
        ]);
        await Log.ResolveAsync(Tenant, [appended[0].Event.Id], new Resolution(ResolvedBy.Human));

        var counts = await Log.CountStreamAsync(Tenant, StreamId.Lead("counted"));

        Assert.Equal(3, counts.Groups.Sum(g => g.Count));
        var openErrors = Assert.Single(counts.Groups, g => g is { Severity: Severity.Error, Resolved: false });
        Assert.Equal(1, openErrors.Count);
        Assert.Equal(now.AddHours(-3), counts.Groups.Min(g => g.FirstAt));
        Assert.Equal(now.AddHours(-1), counts.Groups.Max(g => g.LastAt));
        Assert.Empty((await Log.CountStreamAsync(Tenant, StreamId.Lead("never"))).Groups);
    }

    [Fact]
    public async Task GetManyReturnsOnlyTheTenantsEventsInIdOrder()
    {
        var mine = await Log.AppendAsync(Tenant, [TestEvents.New(), TestEvents.New()]);
        var foreign = (await Log.AppendAsync(TestEvents.Tenant(), [TestEvents.New()]))[0].Event.Id;

        var found = await Log.GetManyAsync(Tenant, [mine[1].Event.Id, foreign, mine[0].Event.Id, 999_999_999]);

        Assert.Equal([mine[0].Event.Id, mine[1].Event.Id], found.Select(e => e.Id));
    }

    /// <summary>60 events spread over one day, across severities, categories, entities and sources; every fifth resolved.</summary>
    private async Task<List<StoredEvent>> SeedQueryDataAsync()
    {
        string[] severities = ["info", "warning", "error", "critical"];
        string[] types = ["whatsapp.send_failed", "whatsapp.delivered", "scheduler.job_failed", "device.disconnected", "stripe.charge_failed"];
        var batch = Enumerable.Range(0, 60).Select(i => TestEvents.New(
            eventType: types[i % types.Length],
            severity: severities[i % severities.Length],
            message: i % 7 == 0 ? $"Request Timeout after {i}s" : i % 11 == 0 ? "100% of retries used" : $"event {i}",
            leadId: i % 3 == 0 ? $"lead-{i % 4}" : null,
            sessionId: i % 5 == 0 ? $"session-{i % 3}" : null,
            deviceId: i % 4 == 1 ? $"device-{i % 8 / 4}" : null,
            workflowId: i % 6 == 2 ? $"wf-{i % 3}" : null,
            accountId: i % 2 == 0 ? $"acct-{i % 3}" : null,
            source: i % 3 == 1 ? "customer" : "backend",
            timestamp: Day.AddMinutes(i * 23))).ToList();
        var stored = (await Log.AppendAsync(Tenant, batch)).Select(a => a.Event).ToList();
        var resolved = await Log.ResolveAsync(Tenant, stored.Where((_, i) => i % 5 == 0).Select(e => e.Id).ToList(), new Resolution(ResolvedBy.Human));
        var resolvedById = resolved.ToDictionary(e => e.Id);
        return stored.Select(e => resolvedById.GetValueOrDefault(e.Id, e)).ToList();
    }
}
