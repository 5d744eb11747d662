using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Storage;

/// <summary>
/// The behaviour every event log must have; each store runs it through a subclass. Each test uses a
/// tenant of its own, so tests share a store without seeing each other.
/// </summary>
public abstract partial class EventLogContract(EventLogFixture fixture)
{
    protected EventLogFixture Fixture { get; } = fixture;

    protected IEventLog Log => Fixture.Log;

    protected string Tenant { get; } = TestEvents.Tenant();

    [Fact]
    public async Task AppendStoresEventWithServerAssignedFields()
    {
        var appended = await Log.AppendAsync(Tenant, [TestEvents.New("whatsapp.send_failed", "WARN", "Send failed", leadId: "42")]);

        var stored = Assert.Single(appended);
        Assert.False(stored.IsDuplicate);
        Assert.True(stored.Event.Id > 0);
        Assert.Equal(StreamId.Lead("42"), stored.Event.Stream);
        Assert.Equal(1, stored.Event.Version);
        Assert.Equal(Severity.Warning, stored.Event.Severity);
        Assert.Equal("whatsapp", stored.Event.Category);
        Assert.Equal(Fixture.Clock.GetUtcNow(), stored.Event.RecordedAt);
        Assert.Equal(Fixture.Clock.GetUtcNow(), stored.Event.Timestamp);
        Assert.False(string.IsNullOrEmpty(stored.Event.EventId));
        AssertEvent.Same(stored.Event, await Log.GetAsync(Tenant, stored.Event.Id));
    }

    [Fact]
    public async Task AppendRoutesBySessionThenLeadThenDeviceThenWorkflowElseSystemCategory()
    {
        var appended = await Log.AppendAsync(Tenant,
        [
            TestEvents.New(sessionId: "s1", leadId: "l1", deviceId: "d1", workflowId: "w1"),
            TestEvents.New(leadId: "l1", deviceId: "d1", workflowId: "w1"),
            TestEvents.New(deviceId: "d1", workflowId: "w1"),
            TestEvents.New(workflowId: "w1"),
            TestEvents.New(category: "scheduler"),
            TestEvents.New(stream: "device/explicit", leadId: "l1"),
        ]);

        Assert.Equal(
            ["session/s1", "lead/l1", "device/d1", "workflow/w1", "system/scheduler", "device/explicit"],
            appended.Select(a => a.Event.Stream.ToString()));
    }

    [Fact]
    public async Task AppendKeepsClientTimestampAtMicrosecondPrecision()
    {
        var happened = new DateTimeOffset(2026, 2, 1, 8, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);

        var stored = (await Log.AppendAsync(Tenant, [TestEvents.New(timestamp: happened)]))[0].Event;

        Assert.Equal(happened.AddTicks(-7), stored.Timestamp);
        Assert.Equal(TimeSpan.Zero, stored.Timestamp.Offset);
        Assert.Equal(stored.Timestamp, (await Log.GetAsync(Tenant, stored.Id))!.Timestamp);
    }

    [Fact]
    public async Task AppendIsIdempotentByEventId()
    {
        var first = (await Log.AppendAsync(Tenant, [TestEvents.New(eventId: "evt-1", leadId: "7")]))[0];

        var again = (await Log.AppendAsync(Tenant, [TestEvents.New(eventId: "evt-1", leadId: "7", message: "changed")]))[0];

        Assert.True(again.IsDuplicate);
        AssertEvent.Same(first.Event, again.Event);
        Assert.Equal(1, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("7")));
        Assert.Single((await Log.QueryAsync(Tenant, new() { LeadId = "7" })).Events);
    }

    [Fact]
    public async Task DuplicateWithinOneBatchIsStoredOnce()
    {
        var appended = await Log.AppendAsync(Tenant, [TestEvents.New(eventId: "same"), TestEvents.New(eventId: "same")]);

        Assert.False(appended[0].IsDuplicate);
        Assert.True(appended[1].IsDuplicate);
        Assert.Equal(appended[0].Event.Id, appended[1].Event.Id);
        Assert.Single((await Log.QueryAsync(Tenant, new())).Events);
    }

    [Fact]
    public async Task SameEventIdInAnotherTenantIsADifferentEvent()
    {
        var otherTenant = TestEvents.Tenant();
        var mine = (await Log.AppendAsync(Tenant, [TestEvents.New(eventId: "shared-id")]))[0];

        var theirs = (await Log.AppendAsync(otherTenant, [TestEvents.New(eventId: "shared-id")]))[0];

        Assert.False(theirs.IsDuplicate);
        Assert.NotEqual(mine.Event.Id, theirs.Event.Id);
        Assert.Null(await Log.GetAsync(otherTenant, mine.Event.Id));
    }

    [Fact]
    public async Task BatchWithOneInvalidEventStoresNothingAndNamesEachBadIndex()
    {
        var failure = await Assert.ThrowsAsync<EventValidationException>(() => Log.AppendAsync(Tenant,
        [
            TestEvents.New(leadId: "9"),
            TestEvents.New("Not A Type", leadId: "9"),
            TestEvents.New(severity: "fatal", leadId: "9"),
        ]));

        Assert.Contains(failure.Errors, e => e.Field == "[1].event_type");
        Assert.Contains(failure.Errors, e => e.Field == "[2].severity");
        Assert.DoesNotContain(failure.Errors, e => e.Field.StartsWith("[0]", StringComparison.Ordinal));
        Assert.Empty((await Log.QueryAsync(Tenant, new())).Events);
        Assert.Equal(0, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("9")));
    }

    [Fact]
    public async Task BatchFailingOnOneStreamConflictStoresNothing()
    {
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "a")]);
        var expected = new Dictionary<StreamId, long> { [StreamId.Lead("a")] = 0 };

        await Assert.ThrowsAsync<StreamVersionConflictException>(() => Log.AppendAsync(Tenant,
            [TestEvents.New(leadId: "b"), TestEvents.New(leadId: "a")], new AppendOptions(expected)));

        Assert.Equal(0, await Log.GetStreamVersionAsync(Tenant, StreamId.Lead("b")));
        Assert.Single((await Log.QueryAsync(Tenant, new())).Events);
    }

    [Fact]
    public async Task AppendRejectsStaleExpectedVersion()
    {
        var lead = StreamId.Lead("stale");
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "stale"), TestEvents.New(leadId: "stale")]);

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() => Log.AppendAsync(Tenant,
            [TestEvents.New(leadId: "stale")], new AppendOptions(new Dictionary<StreamId, long> { [lead] = 1 })));

        Assert.Equal(lead, conflict.Stream);
        Assert.Equal(1, conflict.ExpectedVersion);
        Assert.Equal(2, conflict.ActualVersion);
    }

    [Fact]
    public async Task AppendAcceptsCurrentExpectedVersion()
    {
        var lead = StreamId.Lead("current");
        var options = new AppendOptions(new Dictionary<StreamId, long> { [lead] = 0 });
        await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "current")], options);

        var appended = await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "current")],
            new AppendOptions(new Dictionary<StreamId, long> { [lead] = 1 }));

        Assert.Equal(2, appended[0].Event.Version);
    }

    [Fact]
    public async Task RetriedAppendWithExpectedVersionReportsDuplicatesNotConflict()
    {
        var options = new AppendOptions(new Dictionary<StreamId, long> { [StreamId.Lead("retry")] = 0 });
        var batch = new[] { TestEvents.New(eventId: "r1", leadId: "retry"), TestEvents.New(eventId: "r2", leadId: "retry") };
        await Log.AppendAsync(Tenant, batch, options);

        var retried = await Log.AppendAsync(Tenant, batch, options);

        Assert.All(retried, r => Assert.True(r.IsDuplicate));
    }

    [Fact]
    public async Task VersionsCountUpWithoutGapsAcrossAppends()
    {
        for (var i = 0; i < 5; i++)
        {
            await Log.AppendAsync(Tenant, [TestEvents.New(sessionId: "gapless"), TestEvents.New(sessionId: "gapless", eventId: $"dup-{i % 2}")]);
        }

        var stream = await Log.ReadStreamAsync(Tenant, StreamId.Session("gapless"), 1, 100);

        Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
        Assert.Equal(7, stream.Count);
    }

    [Fact]
    public async Task ReadStreamStartsAtTheGivenVersionAndStopsAtMax()
    {
        await Log.AppendAsync(Tenant, Enumerable.Range(1, 10).Select(i => TestEvents.New(deviceId: "reader", message: $"m{i}")).ToList());

        var page = await Log.ReadStreamAsync(Tenant, StreamId.Device("reader"), fromVersion: 4, maxCount: 3);

        Assert.Equal(["m4", "m5", "m6"], page.Select(e => e.Message));
        Assert.Equal(10, await Log.GetStreamVersionAsync(Tenant, StreamId.Device("reader")));
        Assert.Equal(0, await Log.GetStreamVersionAsync(Tenant, StreamId.Device("never")));
    }

    [Fact]
    public async Task ContextObjectRoundTrips()
    {
        var stored = (await Log.AppendAsync(Tenant, [TestEvents.New(contextJson: """{"attempt":3,"to":"+49 170","nested":{"ok":false,"list":[1,"two",null]}}""")]))[0].Event;

        var read = (await Log.GetAsync(Tenant, stored.Id))!;

        Assert.Equal(3, read.Context!.Value.GetProperty("attempt").GetInt32());
        Assert.Equal("two", read.Context.Value.GetProperty("nested").GetProperty("list")[1].GetString());
        Assert.Equal(JsonValueKind.Null, read.Context.Value.GetProperty("nested").GetProperty("list")[2].ValueKind);
    }

    [Theory]
    [InlineData("'; DROP TABLE events; --")]
    [InlineData("Robert'); DELETE FROM streams WHERE ('1'='1")]
    [InlineData("\" OR \"\"=\"")]
    [InlineData("100% _done_ \\ back\\slash")]
    [InlineData("Zürich · 東京 · مرحبا · עברית · 🚀👩🏽‍💻 · e\u0301 · \u200d\u200b · 𝔘𝔫𝔦𝔠𝔬𝔡𝔢")]
    public async Task HostileAndUnusualTextIsStoredVerbatim(string text)
    {
        var stored = (await Log.AppendAsync(Tenant,
            [TestEvents.New(message: text, source: text[..Math.Min(text.Length, 100)], leadId: text, contextJson: JsonSerializer.Serialize(new { text }))]))[0].Event;

        var read = (await Log.GetAsync(Tenant, stored.Id))!;
        Assert.Equal(text, read.Message);
        Assert.Equal(text, read.LeadId);
        Assert.Equal(text, read.Context!.Value.GetProperty("text").GetString());
        Assert.Equal(stored.Id, Assert.Single((await Log.QueryAsync(Tenant, new() { LeadId = text })).Events).Id);
        Assert.Equal(stored.Id, Assert.Single((await Log.QueryAsync(Tenant, new() { Text = text })).Events).Id);
    }
}
