using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Storage;
using OrleansEvents.Validation;
using StreamId = OrleansEvents.Events.StreamId;

namespace OrleansEvents.Replay;

/// <summary>
/// Re-publishes a tenant's stored events on the live stream, flagged <see cref="NotificationKind.Replayed"/>
/// with a replay id, in stored order, never storing them again. Small replays finish inside the call;
/// larger ones run in the background, their progress kept as grain state. Every real replay is recorded
/// in the tenant's <c>system/replay</c> stream.
/// </summary>
[GrainType("events.replay")]
public sealed partial class ReplayGrain(
    [PersistentState("replays", GrainStorages.Events)] IPersistentState<ReplayJournal> journal,
    IEventLog log, IOptions<ReplayOptions> options, ILogger<ReplayGrain> logger) : Grain, IReplayGrain
{
    private const int PageSize = 500;
    private readonly Dictionary<string, ReplayJob> _running = new(StringComparer.Ordinal);

    // Background replays write progress while calls add replays: one state write at a time.
    private readonly SemaphoreSlim _writes = new(1, 1);
    private IAsyncStream<LogNotification>? _live;

    private string TenantId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _live = this.GetStreamProvider(StreamProviders.Events).GetStream<LogNotification>(LogStream.Id);
        var interrupted = journal.State.Replays.Values.Where(r => r.State == ReplayState.Running).ToList();
        foreach (var report in interrupted)
        {
            LogReplayInterrupted(logger, report.ReplayId!, report.EventsReplayed, report.EventsPlanned);
            journal.State.Record(report with { State = ReplayState.Failed, EventsFailed = report.EventsPlanned - report.EventsReplayed });
        }

        if (interrupted.Count > 0)
        {
            await journal.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<ReplayReport> DryRunAsync(ReplayRequest request)
    {
        var filter = ToFilter(request) with { Limit = Math.Max(1, options.Value.SampleSize), IncludeTotal = true };
        var page = await log.QueryAsync(TenantId, filter);
        var found = page.Total ?? 0;
        return new ReplayReport(null, DryRun: true, found, Planned(found, request), 0, 0, ReplayState.DryRun,
            page.Events.Take(options.Value.SampleSize).ToList());
    }

    public async Task<ReplayReport> ReplayAsync(ReplayRequest request, string requestedBy)
    {
        var filter = ToFilter(request);
        var found = (await log.QueryAsync(TenantId, filter with { Limit = 1, IncludeTotal = true })).Total ?? 0;
        var job = new ReplayJob($"rpl_{Guid.CreateVersion7():N}", found, Planned(found, request));
        _running[job.ReplayId] = job;
        await SaveAsync(job);
        await RecordAsync("replay.started", job, request, requestedBy);

        // Runs on this activation's scheduler beside later calls; it touches only the job and the journal.
        job.Completion = RunAndRecordAsync(job, filter, request, requestedBy);
        if (job.Planned <= options.Value.BackgroundAbove)
        {
            await job.Completion;
        }

        return job.Report();
    }

    public Task<ReplayReport?> GetProgressAsync(string replayId) => Task.FromResult(
        _running.TryGetValue(replayId, out var job) ? job.Report() : journal.State.Replays.GetValueOrDefault(replayId));

    public Task<bool> CancelAsync(string replayId)
    {
        if (!_running.TryGetValue(replayId, out var job) || job.State != ReplayState.Running)
        {
            return Task.FromResult(false);
        }

        job.Cancellation.Cancel();
        return Task.FromResult(true);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var job in _running.Values.ToList())
        {
            await job.Cancellation.CancelAsync();
            await job.Completion.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>How many of the found events a replay publishes: the request's max, never above the configured cap.</summary>
    private long Planned(long found, ReplayRequest request) =>
        Math.Min(found, Math.Min(request.Max ?? options.Value.MaxEvents, options.Value.MaxEvents));

    private async Task RunAndRecordAsync(ReplayJob job, EventFilter filter, ReplayRequest request, string requestedBy)
    {
        // A background replay has no call to keep its activation alive: idle collection waits for it.
        DelayDeactivation(TimeSpan.FromDays(1));
        try
        {
            await PublishAsync(job, filter);
            await SaveAsync(job);
            await RecordAsync("replay.completed", job, request, requestedBy);
        }
        finally
        {
            _running.Remove(job.ReplayId);
            job.Dispose();
            if (_running.Count == 0)
            {
                DelayDeactivation(TimeSpan.FromSeconds(-1));
            }
        }
    }

    /// <summary>Pages through the matches in stored order and publishes each page as one stream message.</summary>
    private async Task PublishAsync(ReplayJob job, EventFilter filter)
    {
        try
        {
            long? afterId = null;
            while (job.Replayed < job.Planned)
            {
                var limit = (int)Math.Min(PageSize, job.Planned - job.Replayed);
                var page = await log.QueryAsync(TenantId, filter with { AfterId = afterId, Limit = limit }, job.Cancellation.Token);
                job.Cancellation.Token.ThrowIfCancellationRequested();
                await _live!.OnNextBatchAsync(page.Events.Select(stored => new LogNotification(NotificationKind.Replayed, stored, job.ReplayId)).ToList());
                job.Published(page.Events.Count);
                if (page.NextCursor is not { } next || page.Events.Count == 0)
                {
                    break;
                }

                afterId = next;
                await SaveAsync(job);
            }

            job.Finish(ReplayState.Completed);
        }
        catch (OperationCanceledException)
        {
            job.Finish(ReplayState.Cancelled);
        }
        catch (Exception exception)
        {
            job.Finish(ReplayState.Failed);
            LogReplayFailed(logger, job.ReplayId, exception.Message);
        }
    }

    private async Task SaveAsync(ReplayJob job)
    {
        await _writes.WaitAsync();
        try
        {
            journal.State.Record(job.Report());
            await journal.WriteStateAsync();
        }
        finally
        {
            _writes.Release();
        }
    }

    private EventFilter ToFilter(ReplayRequest request)
    {
        if (!request.HasCriteria)
        {
            throw new EventValidationException([new FieldError("filter",
                "needs at least one of stream, session_id, lead_id, device_id, event_type, since, until")]);
        }

        if (request.Max is < 1)
        {
            throw new EventValidationException([new FieldError("max", "must be at least 1")]);
        }

        var prefix = request.EventType is { } type && type.EndsWith('*') ? type[..^1] : null;
        var filter = new EventFilter
        {
            Stream = request.Stream,
            SessionId = request.SessionId,
            LeadId = request.LeadId,
            DeviceId = request.DeviceId,
            EventType = prefix is null ? request.EventType : null,
            EventTypePrefix = prefix,
            Since = request.Since,
            Until = request.Until,
            Order = SortOrder.Ascending,
        };
        EventValidator.EnsureValid(filter);
        return filter;
    }

    private Task RecordAsync(string eventType, ReplayJob job, ReplayRequest request, string requestedBy)
    {
        var report = job.Report();
        var context = JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["replay_id"] = job.ReplayId,
            ["requested_by"] = requestedBy,
            ["filter"] = new Dictionary<string, object?>
            {
                ["stream"] = request.Stream?.ToString(),
                ["session_id"] = request.SessionId,
                ["lead_id"] = request.LeadId,
                ["device_id"] = request.DeviceId,
                ["event_type"] = request.EventType,
                ["since"] = request.Since,
                ["until"] = request.Until,
            },
            ["events_found"] = report.EventsFound,
            ["events_planned"] = job.Planned,
            ["events_replayed"] = report.EventsReplayed,
            ["state"] = report.State.ToString().ToLowerInvariant(),
        });
        var stream = StreamId.System("replay");
        return GrainFactory.For(TenantId, stream).AppendAsync(new NewEvent
        {
            Stream = stream.ToString(),
            Category = "replay",
            EventType = eventType,
            Severity = "info",
            Source = requestedBy.Length <= EventLimits.MaxSourceLength ? requestedBy : requestedBy[..EventLimits.MaxSourceLength],
            Message = $"Replay {job.ReplayId} by {requestedBy}: {report.EventsReplayed} of {report.EventsFound} events",
            Context = context,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {ReplayId} failed: {Reason}")]
    private static partial void LogReplayFailed(ILogger logger, string replayId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Replay {ReplayId} was cut off after {Replayed} of {Planned} events (its silo stopped); reported failed")]
    private static partial void LogReplayInterrupted(ILogger logger, string replayId, long replayed, long planned);
}
