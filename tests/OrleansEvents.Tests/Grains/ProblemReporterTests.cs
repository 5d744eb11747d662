using Microsoft.Extensions.Logging.Abstractions;
using OrleansEvents.Events;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Queries;
using OrleansEvents.Storage;

namespace OrleansEvents.Tests.Grains;

/// <summary>
/// How the writer's commits reach problem groups, against a grain that answers when the test lets it: one call
/// per tenant per commit, not held behind the tenant's earlier calls, and a report complete only when its call is.
/// </summary>
public sealed class ProblemReporterTests
{
    private long _nextId;

    [Fact]
    public async Task ACommitsCallGoesOutWhileTheTenantsEarlierCallIsStillInFlightAndEachAnswersItsOwnCommit()
    {
        var grain = new HeldProblemGroups();
        var reporter = Reporter(_ => grain);

        var first = Report(reporter, Commit("acme", ("lead/a", Severity.Error)));
        var firstCall = await grain.NextCallAsync();
        var second = Report(reporter, Commit("acme", ("lead/b", Severity.Warning), ("lead/c", Severity.Warning)));
        var secondCall = await grain.NextCallAsync();

        Assert.Equal(["lead/a"], firstCall.Streams);
        Assert.Equal(["lead/b", "lead/c"], secondCall.Streams);
        secondCall.Answer();
        Assert.True(await second);
        Assert.False(first.IsCompleted);
        firstCall.Answer();
        Assert.True(await first);
        Assert.Equal(2, grain.Calls.Count);
    }

    [Fact]
    public async Task OneCommitIsOneCallPerTenantWithEachStreamsNewProblemsInVersionOrder()
    {
        var grains = new Dictionary<string, HeldProblemGroups> { ["acme"] = new(), ["globex"] = new() };
        var reporter = Reporter(tenantId => grains[tenantId]);
        var (requests, outcomes) = Commit("acme", ("lead/a", Severity.Error), ("lead/b", Severity.Critical), ("lead/a", Severity.Warning));
        var other = Commit("globex", ("lead/a", Severity.Error));

        var reported = reporter.Report([.. requests, .. other.Requests], [.. outcomes, .. other.Outcomes]);
        var acme = await grains["acme"].NextCallAsync();
        var globex = await grains["globex"].NextCallAsync();
        acme.Answer();
        globex.Answer();

        Assert.Equal(["acme", "globex"], reported.Keys.Order());
        Assert.All(await Task.WhenAll(reported.Values), Assert.True);
        Assert.Equal(["lead/a", "lead/b"], acme.Streams);
        Assert.Equal([1L, 2L], acme.Reports[0].Occurrences.Select(o => o.Version));
        Assert.Equal("lead:sms.failed", acme.Reports[0].Occurrences[0].Fingerprint);
        Assert.Equal(["lead/a"], globex.Streams);
    }

    [Fact]
    public void InfoResolvedAndDuplicateEventsOpenNothingAndACommitOfNoneCallsNoGrain()
    {
        var reporter = Reporter(_ => throw new InvalidOperationException("no grain should be asked"));
        var (requests, outcomes) = Commit("acme", ("lead/a", Severity.Info), ("lead/a", Severity.Error), ("lead/b", Severity.Critical));
        var events = outcomes[0].Events;
        var opensNothing = new AppendOutcome([events[0], events[1] with { IsDuplicate = true }, events[2] with { Event = events[2].Event with { Resolved = true } }], null);

        Assert.Empty(reporter.Report(requests, [opensNothing]));
    }

    [Fact]
    public async Task AFailedCallMarksItsCommitUnreportedWithoutThrowingAndTheNextCallGoesOn()
    {
        var grain = new HeldProblemGroups();
        var reporter = Reporter(_ => grain);

        var failed = Report(reporter, Commit("acme", ("lead/a", Severity.Error)));
        (await grain.NextCallAsync()).Fail(new TimeoutException("the grain's silo is gone"));
        var after = Report(reporter, Commit("acme", ("lead/b", Severity.Error)));
        (await grain.NextCallAsync()).Answer();

        Assert.False(await failed);
        Assert.True(await after);
        Assert.Equal(["lead/b"], grain.Calls[^1].Streams);
    }

    [Fact]
    public async Task ATenantsSlowGrainHoldsOnlyItsOwnCommits()
    {
        var grains = new Dictionary<string, HeldProblemGroups> { ["acme"] = new(), ["globex"] = new() };
        var reporter = Reporter(tenantId => grains[tenantId]);

        var held = Report(reporter, Commit("acme", ("lead/a", Severity.Error)));
        var acmeCall = await grains["acme"].NextCallAsync();
        var other = Report(reporter, Commit("globex", ("lead/a", Severity.Error)));
        (await grains["globex"].NextCallAsync()).Answer();
        await other;

        Assert.False(held.IsCompleted);
        acmeCall.Answer();
        await held;
    }

    private static ProblemReporter Reporter(Func<string, IProblemGroupsGrain> grainOf) => new(grainOf, Severity.Warning, [], NullLogger.Instance);

    /// <summary>Whether the commit's one tenant had its problems counted.</summary>
    private static Task<bool> Report(ProblemReporter reporter, (List<AppendRequest> Requests, List<AppendOutcome> Outcomes) commit) =>
        Assert.Single(reporter.Report(commit.Requests, commit.Outcomes)).Value;

    /// <summary>One request of the tenant that stored these events, versioned per stream from 1.</summary>
    private (List<AppendRequest> Requests, List<AppendOutcome> Outcomes) Commit(string tenantId, params (string Stream, Severity Severity)[] events)
    {
        var versions = new Dictionary<string, long>();
        var stored = events.Select(e => new AppendedEvent(new StoredEvent
        {
            Id = ++_nextId,
            EventId = $"e{_nextId}",
            TenantId = tenantId,
            Stream = StreamId.Parse(e.Stream),
            Version = versions[e.Stream] = versions.GetValueOrDefault(e.Stream) + 1,
            Position = new LogPosition(1, _nextId),
            Timestamp = DateTimeOffset.UnixEpoch,
            RecordedAt = DateTimeOffset.UnixEpoch,
            Category = "sms",
            Severity = e.Severity,
            EventType = "sms.failed",
            Message = "failed",
        }, IsDuplicate: false)).ToList();
        return ([new AppendRequest(tenantId, [])], [new AppendOutcome(stored, null)]);
    }

    /// <summary>A problem groups grain whose report calls wait for the test to answer or fail them; nothing else is asked of it.</summary>
    private sealed class HeldProblemGroups : IProblemGroupsGrain
    {
        private readonly Lock _gate = new();
        private readonly List<HeldCall> _calls = [];
        private TaskCompletionSource<HeldCall> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<HeldCall> Calls
        {
            get
            {
                lock (_gate)
                {
                    return [.. _calls];
                }
            }
        }

        /// <summary>The next call not yet taken by the test, once it has been made.</summary>
        public async Task<HeldCall> NextCallAsync()
        {
            Task<HeldCall> next;
            lock (_gate)
            {
                next = _next.Task;
            }

            var call = await next.WaitAsync(TimeSpan.FromSeconds(10));
            lock (_gate)
            {
                _next = new TaskCompletionSource<HeldCall>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            return call;
        }

        public Task OpenedAsync(IReadOnlyList<StreamProblems> reports)
        {
            var call = new HeldCall(reports);
            lock (_gate)
            {
                _calls.Add(call);
                _next.TrySetResult(call);
            }

            return call.Answered;
        }

        public Task<ProblemGroupPage> ListAsync(EventFilter filter) => throw new NotSupportedException();

        public Task<ProblemGroupDetail?> GetAsync(string fingerprint, int maxEvents) => throw new NotSupportedException();

        public Task<IReadOnlyList<string>> GetStreamsAsync(string fingerprint, bool resolved) => throw new NotSupportedException();

        public Task RecountStreamAsync(string stream) => throw new NotSupportedException();

        public Task HoldAsync(string fingerprint) => throw new NotSupportedException();

        public Task ReleaseAsync(string fingerprint) => throw new NotSupportedException();
    }

    private sealed class HeldCall(IReadOnlyList<StreamProblems> reports)
    {
        private readonly TaskCompletionSource _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<StreamProblems> Reports { get; } = reports;

        public IReadOnlyList<string> Streams { get; } = [.. reports.Select(r => r.Stream)];

        public Task Answered => _answer.Task;

        public void Answer() => _answer.SetResult();

        public void Fail(Exception exception) => _answer.SetException(exception);
    }
}
