using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Grains;
using OrleansEvents.Queries;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Streams;
using OrleansEvents.Storage;
using OrleansEvents.Validation;

namespace OrleansEvents.Replay;

/// <summary>
/// Re-publishes a tenant's stored events on the live stream, flagged <see cref="NotificationKind.Replayed"/>
/// with a replay id, in stored order, never storing them again. Small replays finish inside the call;
/// larger ones run in the background. Every real replay is recorded in the tenant's <c>system/replay</c> stream.
/// </summary>
public sealed partial class ReplayGrain(IEventLog log, IStreamProvider streams, IOptions<ReplayOptions> options, ILogger<ReplayGrain> logger)
    : Grain, IReplayGrain
{
    private const int PageSize = 500;
    private readonly IAsyncStream<LogNotification> _live = streams.GetStream<LogNotification>(LogStream.Namespace, LogStream.Key);
    private readonly Dictionary<string, ReplayJob> _jobs = new(StringComparer.Ordinal);

    private string TenantId => GrainKey;

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
        var planned = Planned(found, request);
        var job = new ReplayJob($"rpl_{Guid.CreateVersion7():N}", found, planned);
        _jobs[job.ReplayId] = job;
        await RecordAsync("replay.started", job, request, requestedBy);

        job.Completion = RunAndRecordAsync(job, filter, request, requestedBy);
        if (planned <= options.Value.BackgroundAbove)
        {
            await job.Completion;
        }

        return job.Report();
    }

    public Task<ReplayReport?> GetProgressAsync(string replayId) =>
        Task.FromResult(_jobs.TryGetValue(replayId, out var job) ? job.Report() : null);

    public Task<bool> CancelAsync(string replayId)
    {
        if (!_jobs.TryGetValue(replayId, out var job) || job.State != ReplayState.Running)
        {
            return Task.FromResult(false);
        }

        job.Cancellation.Cancel();
        return Task.FromResult(true);
    }

    public override async Task OnDeactivateAsync(Runtime.Grains.DeactivationReason reason, CancellationToken cancellationToken)
    {
        foreach (var job in _jobs.Values)
        {
            await job.Cancellation.CancelAsync();
            await job.Completion.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            job.Dispose();
        }
    }

    /// <summary>How many of the found events a replay publishes: the request's max, never above the configured cap.</summary>
    private long Planned(long found, ReplayRequest request) =>
        Math.Min(found, Math.Min(request.Max ?? options.Value.MaxEvents, options.Value.MaxEvents));

    private async Task RunAndRecordAsync(ReplayJob job, EventFilter filter, ReplayRequest request, string requestedBy)
    {
        await PublishAsync(job, filter);
        await RecordAsync("replay.completed", job, request, requestedBy);
    }

    /// <summary>Pages through the matches in stored order and publishes each; may run off the grain's turn, so it touches only the job.</summary>
    private async Task PublishAsync(ReplayJob job, EventFilter filter)
    {
        try
        {
            long? afterId = null;
            var published = 0L;
            while (published < job.Planned)
            {
                var limit = (int)Math.Min(PageSize, job.Planned - published);
                var page = await log.QueryAsync(TenantId, filter with { AfterId = afterId, Limit = limit }, job.Cancellation.Token);
                foreach (var stored in page.Events)
                {
                    job.Cancellation.Token.ThrowIfCancellationRequested();
                    await _live.PublishAsync(new LogNotification(NotificationKind.Replayed, stored, job.ReplayId));
                    job.Replayed();
                }

                published += page.Events.Count;
                if (page.NextCursor is not { } next)
                {
                    break;
                }

                afterId = next;
            }

            job.Finish(ReplayState.Completed);
        }
        catch (OperationCanceledException)
        {
            job.Finish(ReplayState.Cancelled);
        }
        catch (Exception exception)
        {
            job.Failed();
            job.Finish(ReplayState.Failed);
            LogReplayFailed(logger, job.ReplayId, exception.Message);
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
}
