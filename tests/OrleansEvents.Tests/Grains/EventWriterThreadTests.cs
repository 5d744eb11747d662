using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Life;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Storage;
using OrleansEvents.Writing;

namespace OrleansEvents.Tests.Grains;

/// <summary>Where the writer commits: on a thread of its own for a store that blocks, on the pool otherwise.</summary>
public sealed class EventWriterThreadTests
{
    // These commits store nothing, so nothing is ever reported.
    private static readonly ProblemReporter NoProblemGroups =
        new(_ => throw new InvalidOperationException("no problems to report"), Severity.Warning, [], NullLogger.Instance);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheWriterCommitsOnItsOwnThreadOnlyWhenTheStoreBlocks(bool blocks)
    {
        var log = DispatchProxy.Create<IEventLog, ThreadRecordingLog>();
        var recording = (ThreadRecordingLog)(object)log;
        recording.Blocks = blocks;
        await using var writer = new EventWriter(
            log, new LogSignal(), NoProblemGroups, new StorageAvailability(), Options.Create(new EventWriterOptions()), TimeProvider.System, NullLogger<EventWriter>.Instance);

        for (var i = 0; i < 3; i++)
        {
            await writer.AppendAsync(new AppendRequest("acme", []));
        }

        Assert.Equal(3, recording.Commits.Count);
        Assert.All(recording.Commits, commit => Assert.Equal(!blocks, commit.OnPool));
        Assert.All(recording.Commits, commit => Assert.Equal(blocks, commit.ThreadName == "OrleansEvents writer 0"));
    }

    /// <summary>An event log that only commits (nothing) and notes on which thread it was asked to.</summary>
    public class ThreadRecordingLog : DispatchProxy
    {
        public bool Blocks { get; set; }

        public List<(bool OnPool, string? ThreadName)> Commits { get; } = [];

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => targetMethod?.Name switch
        {
            "get_BlocksCallingThread" => Blocks,
            nameof(IEventLog.AppendManyAsync) => Commit((IReadOnlyList<AppendRequest>)args![0]!),
            _ => throw new NotSupportedException(targetMethod?.Name),
        };

        private Task<IReadOnlyList<AppendOutcome>> Commit(IReadOnlyList<AppendRequest> requests)
        {
            lock (Commits)
            {
                Commits.Add((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
            }

            return Task.FromResult<IReadOnlyList<AppendOutcome>>(requests.Select(_ => new AppendOutcome([], null)).ToList());
        }
    }
}
