using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Storage;

public abstract partial class EventLogContract
{
    [Fact]
    public async Task ResolveRecordsWhoWhenAndWhy()
    {
        var id = (await Log.AppendAsync(Tenant, [TestEvents.New(severity: "error")]))[0].Event.Id;
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        var changed = await Log.ResolveAsync(Tenant, [id], new Resolution(ResolvedBy.LlmAgent, "retried and delivered"));

        var resolved = Assert.Single(changed);
        Assert.True(resolved.Resolved);
        Assert.Equal(ResolvedBy.LlmAgent, resolved.ResolvedBy);
        Assert.Equal(Fixture.Clock.GetUtcNow(), resolved.ResolvedAt);
        Assert.Equal("retried and delivered", resolved.ResolutionNote);
        AssertEvent.Same(resolved, await Log.GetAsync(Tenant, id));
    }

    [Fact]
    public async Task ResolvingTwiceKeepsTheFirstResolution()
    {
        var id = (await Log.AppendAsync(Tenant, [TestEvents.New(severity: "error")]))[0].Event.Id;
        await Log.ResolveAsync(Tenant, [id], new Resolution(ResolvedBy.Human, "first"));

        var changed = await Log.ResolveAsync(Tenant, [id], new Resolution(ResolvedBy.Auto, "second"));

        Assert.Empty(changed);
        var stored = (await Log.GetAsync(Tenant, id))!;
        Assert.Equal(ResolvedBy.Human, stored.ResolvedBy);
        Assert.Equal("first", stored.ResolutionNote);
    }

    [Fact]
    public async Task ResolveAndUnresolveManyAtOnceTouchOnlyTheTenantsEvents()
    {
        var mine = (await Log.AppendAsync(Tenant, [TestEvents.New(severity: "error"), TestEvents.New(severity: "warning"), TestEvents.New(severity: "error")]))
            .Select(a => a.Event.Id).ToList();
        var foreign = (await Log.AppendAsync(TestEvents.Tenant(), [TestEvents.New(severity: "error")]))[0].Event.Id;

        var resolved = await Log.ResolveAsync(Tenant, [mine[0], mine[2], foreign, 987_654_321], new Resolution(ResolvedBy.Human));
        var reopened = await Log.UnresolveAsync(Tenant, [mine[0], mine[1], foreign]);

        Assert.Equal([mine[0], mine[2]], resolved.Select(e => e.Id).Order());
        var back = Assert.Single(reopened);
        Assert.Equal(mine[0], back.Id);
        Assert.False(back.Resolved);
        Assert.Null(back.ResolvedBy);
        Assert.Null(back.ResolvedAt);
        Assert.True((await Log.GetAsync(Tenant, mine[2]))!.Resolved);
    }

    [Fact]
    public async Task StatsCountBySeverityTypeCategoryAndRecentDay()
    {
        var now = Fixture.Clock.GetUtcNow();
        var appended = await Log.AppendAsync(Tenant,
        [
            TestEvents.New("whatsapp.send_failed", "error", timestamp: now.AddHours(-1)),
            TestEvents.New("whatsapp.send_failed", "error", timestamp: now.AddHours(-2)),
            TestEvents.New("whatsapp.delivered", "info", timestamp: now.AddHours(-30)),
            TestEvents.New("scheduler.job_failed", "critical", timestamp: now.AddDays(-3)),
            TestEvents.New("device.disconnected", "warning", category: "device", timestamp: now.AddMinutes(-1)),
        ]);
        await Log.ResolveAsync(Tenant, [appended[0].Event.Id], new Resolution(ResolvedBy.Auto));
        await Log.AppendAsync(TestEvents.Tenant(), [TestEvents.New("other.tenant", "critical")]);

        var stats = await Log.GetStatsAsync(Tenant);

        Assert.Equal(5, stats.Total);
        Assert.Equal(1, stats.BySeverity[Severity.Info]);
        Assert.Equal(1, stats.BySeverity[Severity.Warning]);
        Assert.Equal(2, stats.BySeverity[Severity.Error]);
        Assert.Equal(1, stats.BySeverity[Severity.Critical]);
        Assert.Equal(new KeyValuePair<string, long>("whatsapp.send_failed", 2), stats.ByType[0]);
        Assert.Equal(3, stats.ByCategory["whatsapp"]);
        Assert.Equal(1, stats.ByCategory["device"]);
        Assert.Equal(3, stats.Last24Hours);
        Assert.Equal(2, stats.Last24HoursBySeverity[Severity.Error]);
        Assert.Equal(now.AddMinutes(-1), stats.LastEventAt);
        Assert.Equal(3, stats.Unresolved);
    }

    [Fact]
    public async Task StatsCountTheLastDayPerUtcHourAndSeverity()
    {
        var now = Fixture.Clock.GetUtcNow();
        var currentHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        await Log.AppendAsync(Tenant,
        [
            TestEvents.New("a.b", "error", timestamp: currentHour),
            TestEvents.New("a.b", "error", timestamp: now),
            TestEvents.New("a.b", "warning", timestamp: currentHour.AddHours(-5).AddMinutes(59)),
            TestEvents.New("a.b", "critical", timestamp: currentHour.AddHours(-23)),
            TestEvents.New("a.b", "critical", timestamp: currentHour.AddHours(-23).AddTicks(-10)),
        ]);

        var hours = (await Log.GetStatsAsync(Tenant)).Last24HoursByHour;

        Assert.Equal(24, hours.Count);
        Assert.Equal(currentHour.AddHours(-23), hours[0].Hour);
        Assert.Equal(currentHour, hours[23].Hour);
        Assert.Equal(2, hours[23].BySeverity[Severity.Error]);
        Assert.Equal(1, hours[18].BySeverity[Severity.Warning]);
        Assert.Equal(1, hours[0].BySeverity[Severity.Critical]);
        Assert.Equal(5 - 1, hours.Sum(h => h.BySeverity.Values.Sum()));
    }

    [Fact]
    public async Task StatsOfAnEmptyTenantAreZero()
    {
        var stats = await Log.GetStatsAsync(Tenant);

        Assert.Equal(0, stats.Total);
        Assert.All(stats.BySeverity.Values, count => Assert.Equal(0, count));
        Assert.Null(stats.LastEventAt);
        Assert.Equal(0, stats.Unresolved);
    }

    [Fact]
    public async Task UpdateChangesOnlyTheGivenMutableFields()
    {
        var original = (await Log.AppendAsync(Tenant, [TestEvents.New(severity: "warning", message: "before", source: "backend", leadId: "u")]))[0].Event;

        var updated = await Log.UpdateAsync(Tenant, original.Id, new EventUpdate
        {
            Severity = "critical",
            Context = JsonDocument.Parse("""{"ticket":"OPS-1"}""").RootElement,
        });

        Assert.NotNull(updated);
        Assert.Equal(Severity.Critical, updated.Severity);
        Assert.Equal("OPS-1", updated.Context!.Value.GetProperty("ticket").GetString());
        Assert.Equal("before", updated.Message);
        Assert.Equal("backend", updated.Source);
        Assert.Equal(original.Version, updated.Version);
        Assert.Equal(original.EventId, updated.EventId);
        AssertEvent.Same(updated, await Log.GetAsync(Tenant, original.Id));
    }

    [Fact]
    public async Task UpdateRejectsBrokenRulesAndUnknownEvents()
    {
        var id = (await Log.AppendAsync(Tenant, [TestEvents.New()]))[0].Event.Id;

        var failure = await Assert.ThrowsAsync<EventValidationException>(() => Log.UpdateAsync(Tenant, id, new EventUpdate
        {
            Severity = "loud",
            Context = JsonDocument.Parse("[1,2]").RootElement,
        }));

        Assert.Equal(["context", "severity"], failure.Errors.Select(e => e.Field).Order());
        Assert.Null(await Log.UpdateAsync(Tenant, id + 1_000_000, new EventUpdate { Message = "x" }));
        Assert.Null(await Log.UpdateAsync(TestEvents.Tenant(), id, new EventUpdate { Message = "x" }));
    }

    [Fact]
    public async Task DeleteRemovesOneEventOfTheTenantOnly()
    {
        var id = (await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "del")]))[0].Event.Id;

        Assert.False(await Log.DeleteAsync(TestEvents.Tenant(), id));
        Assert.True(await Log.DeleteAsync(Tenant, id));
        Assert.False(await Log.DeleteAsync(Tenant, id));
        Assert.Null(await Log.GetAsync(Tenant, id));
    }

    [Fact]
    public async Task VersionsAreNotReusedAfterAStreamsEventsAreDeleted()
    {
        var first = await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "reuse"), TestEvents.New(leadId: "reuse")]);
        foreach (var appended in first)
        {
            await Log.DeleteAsync(Tenant, appended.Event.Id);
        }

        var next = (await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "reuse")]))[0].Event;

        Assert.Equal(3, next.Version);
        Assert.True(next.Id > first[1].Event.Id);
    }

    [Fact]
    public async Task RetentionDeletesOldEventsInBatchesAndSparesUnresolvedProblems()
    {
        var now = Fixture.Clock.GetUtcNow();
        var old = now.AddDays(-40);
        var batch = Enumerable.Range(0, 23).Select(i => TestEvents.New(severity: i % 2 == 0 ? "info" : "error", timestamp: old.AddMinutes(i)))
            .Append(TestEvents.New(severity: "error", timestamp: now.AddDays(-1)))
            .ToList();
        var appended = await Log.AppendAsync(Tenant, batch);
        var oldErrors = appended.Take(23).Where(a => a.Event.Severity == Severity.Error).Select(a => a.Event.Id).ToList();
        await Log.ResolveAsync(Tenant, oldErrors.Take(4).ToList(), new Resolution(ResolvedBy.Auto));
        var criteria = new RetentionCriteria { OlderThan = now.AddDays(-30), TenantId = Tenant, BatchSize = 5 };

        var preview = await Log.CountOlderThanAsync(criteria);
        var result = await Log.DeleteOlderThanAsync(criteria);
        var repeat = await Log.DeleteOlderThanAsync(criteria);

        Assert.Equal(16, result.Deleted);
        Assert.Equal(12, result.BySeverity[Severity.Info]);
        Assert.Equal(4, result.BySeverity[Severity.Error]);
        Assert.Equal(4, result.Batches);
        Assert.Equal(result.Deleted, preview.Deleted);
        Assert.Equal(result.BySeverity, preview.BySeverity);
        Assert.Equal(0, repeat.Deleted);
        var left = (await Log.QueryAsync(Tenant, new EventFilter { Limit = 1000 })).Events;
        Assert.Equal(8, left.Count);
        Assert.All(left, e => Assert.True(e.Timestamp > now.AddDays(-30) || (!e.Resolved && e.Severity >= Severity.Warning)));
    }

    [Fact]
    public async Task RetentionCanTakeUnresolvedEventsAndNarrowBySeverityAndCategory()
    {
        var old = Fixture.Clock.GetUtcNow().AddDays(-10);
        await Log.AppendAsync(Tenant,
        [
            TestEvents.New("whatsapp.failed", "error", timestamp: old),
            TestEvents.New("whatsapp.failed", "info", timestamp: old),
            TestEvents.New("stripe.failed", "error", timestamp: old),
        ]);

        var result = await Log.DeleteOlderThanAsync(new RetentionCriteria
        {
            OlderThan = old.AddSeconds(1),
            TenantId = Tenant,
            Severities = [Severity.Error],
            ExcludedCategories = ["stripe"],
            SpareUnresolved = false,
        });

        Assert.Equal(1, result.Deleted);
        Assert.Equal(["stripe.failed", "whatsapp.failed"], (await Log.QueryAsync(Tenant, new())).Events.Select(e => e.EventType).Order());
    }

    [Fact]
    public async Task PingAnswersWhenTheStoreIsUp()
    {
        await Log.PingAsync();
    }

    [Fact]
    public async Task LogBoundsAdmitEveryPositionGivenOutEvenAfterTheNewestEventIsDeleted()
    {
        var stored = await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "bounds"), TestEvents.New(leadId: "bounds")]);
        var newest = stored[^1].Event.Position;

        Assert.True(await Log.DeleteAsync(Tenant, newest.Id));
        var bounds = await Log.GetLogBoundsAsync();

        Assert.True(bounds.Admits(newest));
        Assert.True(bounds.Admits(LogPosition.Start));
        Assert.False(bounds.Admits(newest with { Id = newest.Id + 1 }));
        Assert.False(bounds.Admits(new LogPosition(bounds.NextTransactionId, 1)));
    }
}
