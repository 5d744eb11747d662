using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Grains;

/// <summary>The stream grains' behaviour, on a started silo over each store.</summary>
public abstract partial class StreamGrainContract(string provider) : IAsyncLifetime
{
    protected const string Tenant = "acme";

    private EventSilo? _silo;

    protected EventSilo Silo => _silo!;

    public async Task InitializeAsync() => _silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider), Settings);

    public async Task DisposeAsync() => await Silo.DisposeAsync();

    protected virtual Dictionary<string, string?> Settings => new() { ["Events:Writer:MaxConcurrentFlushes"] = provider == "postgres" ? "4" : "1" };

    protected IStreamEventsGrain Grain(StreamId stream) => Silo.Grains.For(Tenant, stream);

    [Fact]
    public async Task AppendAssignsVersionsAndReturnsStoredEvents()
    {
        var lead = Grain(StreamId.Lead("42"));

        var first = await lead.AppendAsync(TestEvents.New("lead.created", leadId: "42"));
        var batch = await lead.AppendBatchAsync([TestEvents.New(leadId: "42"), TestEvents.New(leadId: "42", eventId: first.Event.EventId)]);

        Assert.Equal(1, first.Event.Version);
        Assert.Equal(2, batch[0].Event.Version);
        Assert.True(batch[1].IsDuplicate);
        Assert.Equal(first.Event.Id, batch[1].Event.Id);
        Assert.Equal(2, await lead.GetVersionAsync());
        Assert.Equal([1L, 2L], (await lead.ReadAsync(1, 10)).Select(e => e.Version));
    }

    [Fact]
    public async Task AppendRejectsEventsOfAnotherStream()
    {
        var failure = await Assert.ThrowsAsync<EventValidationException>(() =>
            Grain(StreamId.Lead("mine")).AppendAsync(TestEvents.New(leadId: "someone-else")));

        Assert.Equal("stream", Assert.Single(failure.Errors).Field);
        Assert.Equal(0, await Silo.Log.GetStreamVersionAsync(Tenant, StreamId.Lead("someone-else")));
    }

    [Fact]
    public async Task StaleExpectedVersionFailsWithTheStreamAndBothVersions()
    {
        var device = Grain(StreamId.Device("d1"));
        await device.AppendBatchAsync([TestEvents.New(deviceId: "d1"), TestEvents.New(deviceId: "d1")]);

        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() => device.AppendAsync(TestEvents.New(deviceId: "d1"), expectedVersion: 1));

        Assert.Equal((StreamId.Device("d1"), 1L, 2L), (conflict.Stream, conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Equal(3, (await device.AppendAsync(TestEvents.New(deviceId: "d1"), expectedVersion: 2)).Event.Version);
    }

    [Fact]
    public async Task WriteBehindTheGrainsBackIsRetriedWithoutExpectationAndReportedWithOne()
    {
        var session = Grain(StreamId.Session("split"));
        await session.AppendAsync(TestEvents.New(sessionId: "split"));
        // Another activation (another silo in a split brain) appends straight to the store.
        await Silo.Log.AppendAsync(Tenant, [TestEvents.New(sessionId: "split", message: "elsewhere")]);

        var retried = await session.AppendAsync(TestEvents.New(sessionId: "split", message: "here"));
        await Silo.Log.AppendAsync(Tenant, [TestEvents.New(sessionId: "split", message: "elsewhere again")]);
        var conflict = await Assert.ThrowsAsync<StreamVersionConflictException>(() =>
            session.AppendAsync(TestEvents.New(sessionId: "split"), expectedVersion: 3));

        Assert.Equal(3, retried.Event.Version);
        Assert.Equal(4, conflict.ActualVersion);
        Assert.Equal(["test.happened for a test", "elsewhere", "here", "elsewhere again"],
            (await session.ReadAsync(1, 10)).Select(e => e.Message));
    }

    [Fact]
    public async Task ConcurrentAppendsAcrossManyGrainsKeepEachStreamsOrderAndVersions()
    {
        const int streams = 40;
        const int perStream = 15;
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var grain = Grain(StreamId.Workflow($"wf-{s}"));
            for (var i = 0; i < perStream; i++)
            {
                await grain.AppendAsync(TestEvents.New(workflowId: $"wf-{s}", message: i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        })));

        for (var s = 0; s < streams; s++)
        {
            var events = await Grain(StreamId.Workflow($"wf-{s}")).ReadAsync(1, 100);
            Assert.Equal(Enumerable.Range(1, perStream).Select(v => (long)v), events.Select(e => e.Version));
            Assert.Equal(Enumerable.Range(0, perStream).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Message));
        }
    }

    [Fact]
    public async Task AHotStreamCommitsTheAppendsQueuedBehindItTogether()
    {
        var hot = Grain(StreamId.Session("hot"));
        await hot.AppendAsync(TestEvents.New(sessionId: "hot", message: "activates the grain"));

        // The store keeps the first commit waiting while the other 199 appends reach the grain.
        Task<AppendedEvent[]> appending;
        await using (await StoreWriteHold.TakeAsync(Silo.Store))
        {
            var first = hot.AppendAsync(TestEvents.New(sessionId: "hot", message: "m0"));
            await Task.Delay(300);
            var rest = Enumerable.Range(1, 199).Select(i => hot.AppendAsync(TestEvents.New(sessionId: "hot", message: $"m{i}")));
            appending = Task.WhenAll(rest.Prepend(first));
            await Task.Delay(1000);
        }

        var appended = await appending;
        Assert.Equal(Enumerable.Range(2, 200).Select(v => (long)v), appended.Select(a => a.Event.Version).Order());
        // One transaction each would be 200; queued behind the held one, they go in a few.
        var transactions = appended.Select(a => a.Event.Position.TransactionId).Distinct().Count();
        Assert.True(transactions <= 10, $"200 queued appends took {transactions} transactions.");
        Assert.Equal(201, (await hot.GetSummaryAsync()).Total);
    }

    [Fact]
    public async Task ManyFullBatchesQueuedOnOneStreamAllCommitInTransactionsOfBoundedSize()
    {
        // 33 000 events: past SQLite's 32 766 parameters a statement, had they gone as one transaction.
        var hot = Grain(StreamId.System("bulk"));
        var batches = Enumerable.Range(0, 33).Select(b => Enumerable.Range(0, 1000).Select(i => TestEvents.New(category: "bulk", message: $"{b}:{i}")).ToList());

        var appended = (await Task.WhenAll(batches.Select(batch => hot.AppendBatchAsync(batch)))).SelectMany(a => a).ToList();

        Assert.Equal(Enumerable.Range(1, 33_000).Select(v => (long)v), appended.Select(a => a.Event.Version).Order());
        var largest = appended.GroupBy(a => a.Event.Position.TransactionId).Max(transaction => transaction.Count());
        Assert.True(largest <= 1000, $"One transaction took {largest} events.");
        Assert.Equal(33_000, (await hot.GetSummaryAsync()).Total);
    }

    [Fact]
    public async Task TailerPublishesEveryCommittedEventOnceInLogOrder()
    {
        var appended = (await Task.WhenAll(Enumerable.Range(0, 120).Select(i => Task.Run(() =>
            Silo.Commands.AppendAsync(Tenant, [TestEvents.New(leadId: $"tail-{i % 7}", message: $"m{i}")])))))
            .SelectMany(a => a).Select(a => a.Event.Id).ToHashSet();

        var committed = (await Silo.WaitForNotificationsAsync(seen =>
                seen.Count(n => n.Kind == NotificationKind.Committed && appended.Contains(n.Event.Id)) >= appended.Count))
            .Where(n => n.Kind == NotificationKind.Committed && n.Event.TenantId == Tenant && n.Event.Stream.Kind == StreamKind.Lead)
            .ToList();

        Assert.Equal(appended.Count, committed.Count);
        Assert.Equal(committed.Count, committed.Select(n => n.Event.Id).Distinct().Count());
        Assert.Equal(committed.OrderBy(n => n.Event.Position).Select(n => n.Event.Id), committed.Select(n => n.Event.Id));
    }

    [Fact]
    public async Task CommandsSplitABatchByStreamAndAnswerInInputOrder()
    {
        var results = await Silo.Commands.AppendAsync(Tenant,
        [
            TestEvents.New(leadId: "a", message: "1"),
            TestEvents.New(deviceId: "b", message: "2"),
            TestEvents.New(leadId: "a", message: "3"),
            TestEvents.New(category: "billing", message: "4"),
        ]);

        Assert.Equal(["1", "2", "3", "4"], results.Select(r => r.Event.Message));
        Assert.Equal(["lead/a", "device/b", "lead/a", "system/billing"], results.Select(r => r.Event.Stream.ToString()));
        Assert.Equal([1L, 1L, 2L, 1L], results.Select(r => r.Event.Version));
    }

    [Fact]
    public async Task CommandsRejectAWholeBatchWithOneBadEventAndStoreNothing()
    {
        var failure = await Assert.ThrowsAsync<EventValidationException>(() => Silo.Commands.AppendAsync(Tenant,
            [TestEvents.New(leadId: "x"), TestEvents.New("BAD TYPE", leadId: "y")]));

        Assert.Equal("[1].event_type", Assert.Single(failure.Errors).Field);
        Assert.Empty((await Silo.Log.QueryAsync(Tenant, new() { Source = null, LeadId = "x" })).Events);
    }
}

public sealed class SqliteStreamGrainTests() : StreamGrainContract("sqlite");

public sealed class PostgresStreamGrainTests() : StreamGrainContract("postgres");
