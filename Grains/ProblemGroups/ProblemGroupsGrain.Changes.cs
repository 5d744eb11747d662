using Microsoft.Extensions.Logging;
using Orleans.Streams;
using OrleansEvents.Fanout;

namespace OrleansEvents.ProblemGroups;

/// <summary>
/// Telling subscribers of changed groups: once per group per <see cref="Hosting.ProblemGroupsOptions.ChangeDelay"/>
/// however many events changed it, and once for a whole resolve of a group across streams (held until released).
/// </summary>
public sealed partial class ProblemGroupsGrain
{
    private static readonly TimeSpan HoldLimit = TimeSpan.FromMinutes(1);

    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Count, DateTimeOffset Since)> _held = new(StringComparer.Ordinal);
    private Orleans.Runtime.IGrainTimer? _flush;

    public Task HoldAsync(string fingerprint)
    {
        var held = _held.GetValueOrDefault(fingerprint);
        _held[fingerprint] = (held.Count + 1, held.Count == 0 ? clock.GetUtcNow() : held.Since);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string fingerprint)
    {
        if (_held.TryGetValue(fingerprint, out var held))
        {
            if (held.Count > 1)
            {
                _held[fingerprint] = held with { Count = held.Count - 1 };
            }
            else
            {
                _held.Remove(fingerprint);
            }
        }

        ScheduleFlush(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private Dictionary<string, ProblemGroup?> Summaries()
    {
        var now = clock.GetUtcNow();
        return _index.Fingerprints.ToDictionary(f => f, f => _index.Summary(f, now), StringComparer.Ordinal);
    }

    private void ChangedSince(Dictionary<string, ProblemGroup?> before)
    {
        var now = clock.GetUtcNow();
        foreach (var fingerprint in before.Keys.Union(_index.Fingerprints, StringComparer.Ordinal))
        {
            if (!Same(before.GetValueOrDefault(fingerprint), _index.Summary(fingerprint, now)))
            {
                Changed(fingerprint);
            }
        }
    }

    private void Changed(string fingerprint)
    {
        if (_changed.Add(fingerprint))
        {
            ScheduleFlush(options.Value.ChangeDelay);
        }
    }

    private void ScheduleFlush(TimeSpan delay)
    {
        if (_changed.Count == 0)
        {
            return;
        }

        if (_flush is null)
        {
            _flush = this.RegisterGrainTimer(FlushAsync, new Orleans.Runtime.GrainTimerCreationOptions(delay, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else if (delay == TimeSpan.Zero)
        {
            _flush.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        _flush?.Dispose();
        _flush = null;
        var now = clock.GetUtcNow();
        foreach (var lapsed in _held.Where(h => now - h.Value.Since > HoldLimit).Select(h => h.Key).ToList())
        {
            _held.Remove(lapsed);
        }

        var due = _changed.Where(f => !_held.ContainsKey(f)).ToList();
        if (due.Count > 0)
        {
            var changes = due.Select(f => new ProblemsChange(TenantId, f, _index.Summary(f, now))).ToList();
            try
            {
                await this.GetStreamProvider(StreamProviders.Events).GetStream<ProblemsChange>(ProblemsStream.Id).OnNextBatchAsync(changes);
                _changed.ExceptWith(due);
            }
            catch (Exception exception)
            {
                LogPublishFailed(logger, TenantId, exception.Message);
            }
        }

        // Held groups wait for their release; one that is never released goes out when its hold lapses.
        if (_changed.Count > 0)
        {
            ScheduleFlush(_held.Count > 0 && due.Count == 0 ? HoldLimit : options.Value.ChangeDelay);
        }
    }

    private static bool Same(ProblemGroup? a, ProblemGroup? b) =>
        a is null || b is null
            ? a is null && b is null
            : a with { Hourly = b.Hourly, BySeverity = b.BySeverity } == b && a.Hourly.SequenceEqual(b.Hourly)
              && a.BySeverity.OrderBy(p => p.Key).SequenceEqual(b.BySeverity.OrderBy(p => p.Key));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Problem group changes of tenant {TenantId} could not be published; retrying: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string tenantId, string reason);
}
