using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Diagnostics;
using OrleansEvents.Runtime.Hosting;

namespace OrleansEvents.Runtime.References;

/// <summary>
/// Enforces the call timeout. Calls in flight sit in a few lock-striped sets; a sweep on the runtime's clock
/// fails those past their deadline. This costs two uncontended set operations per call instead of a timer
/// per call, and a sweep touches only calls still in flight.
/// </summary>
internal sealed class CallTracker : IDisposable
{
    private readonly HashSet<ITrackedCall>[] _stripes;
    private readonly TimeProvider _timeProvider;
    private readonly RuntimeMetrics _metrics;
    private readonly TimeSpan _timeout;
    private readonly ITimer _sweeper;

    public CallTracker(TimeProvider timeProvider, IOptions<GrainRuntimeOptions> options, RuntimeMetrics metrics)
    {
        _timeProvider = timeProvider;
        _metrics = metrics;
        _timeout = options.Value.CallTimeout;
        _stripes = new HashSet<ITrackedCall>[Math.Max(4, Environment.ProcessorCount * 4)];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new HashSet<ITrackedCall>(ReferenceEqualityComparer.Instance);
        }

        // Sweep often enough that a call fails within about a tenth of the timeout after its deadline.
        var period = TimeSpan.FromTicks(Math.Clamp(_timeout.Ticks / 10, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _sweeper = timeProvider.CreateTimer(static state => ((CallTracker)state!).Sweep(), this, period, period);
    }

    public void Track(ITrackedCall call)
    {
        var now = _timeProvider.GetTimestamp();
        call.Deadline = now + (long)(_timeout.TotalSeconds * _timeProvider.TimestampFrequency);
        call.StartedAt = _metrics.MeasuresLatency ? now : 0;
        var stripe = StripeOf(call);
        lock (stripe)
        {
            stripe.Add(call);
        }

        _metrics.CallStarted();
    }

    public void Completed(ITrackedCall call, bool succeeded)
    {
        var stripe = StripeOf(call);
        lock (stripe)
        {
            stripe.Remove(call);
        }

        if (call.StartedAt != 0)
        {
            _metrics.CallCompleted(_timeProvider.GetElapsedTime(call.StartedAt), succeeded);
        }
    }

    public void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        List<ITrackedCall>? expired = null;
        foreach (var stripe in _stripes)
        {
            lock (stripe)
            {
                var first = expired?.Count ?? 0;
                foreach (var call in stripe)
                {
                    if (call.Deadline <= now)
                    {
                        (expired ??= []).Add(call);
                    }
                }

                for (var i = first; i < (expired?.Count ?? 0); i++)
                {
                    stripe.Remove(expired![i]);
                }
            }
        }

        foreach (var call in expired ?? [])
        {
            _metrics.CallTimedOut();
            call.TimeOut(_timeout);
        }
    }

    public void Dispose() => _sweeper.Dispose();

    private HashSet<ITrackedCall> StripeOf(ITrackedCall call) =>
        _stripes[(uint)RuntimeHelpers.GetHashCode(call) % (uint)_stripes.Length];
}
