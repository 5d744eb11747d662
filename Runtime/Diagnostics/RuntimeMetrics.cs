using System.Diagnostics.Metrics;

namespace OrleansEvents.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments on the meter <see cref="MeterName"/>, readable by any
/// <c>System.Diagnostics.Metrics</c> listener (OpenTelemetry, Prometheus, dotnet-counters).
/// </summary>
public sealed class RuntimeMetrics
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "OrleansEvents.Runtime";

    private readonly UpDownCounter<long> _activations;
    private readonly Counter<long> _activationsCreated;
    private readonly Counter<long> _activationFailures;
    private readonly Counter<long> _calls;
    private readonly Counter<long> _callTimeouts;
    private readonly Histogram<double> _callDuration;
    private readonly UpDownCounter<long> _queueLength;
    private readonly Counter<long> _reminderTicks;
    private readonly Counter<long> _streamDrops;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public RuntimeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _activations = meter.CreateUpDownCounter<long>("orleansevents.runtime.activations", "{activation}", "Activations currently alive.");
        _activationsCreated = meter.CreateCounter<long>("orleansevents.runtime.activations.created", "{activation}", "Activations that completed OnActivateAsync.");
        _activationFailures = meter.CreateCounter<long>("orleansevents.runtime.activations.failed", "{activation}", "Activations whose OnActivateAsync threw.");
        _calls = meter.CreateCounter<long>("orleansevents.runtime.calls", "{call}", "Grain calls sent.");
        _callTimeouts = meter.CreateCounter<long>("orleansevents.runtime.calls.timed_out", "{call}", "Grain calls that failed with a timeout.");
        _callDuration = meter.CreateHistogram<double>("orleansevents.runtime.call.duration", "ms", "Time from sending a grain call to its completion.");
        _queueLength = meter.CreateUpDownCounter<long>("orleansevents.runtime.queue.length", "{turn}", "Turns waiting in activation mailboxes.");
        _reminderTicks = meter.CreateCounter<long>("orleansevents.runtime.reminder.ticks", "{tick}", "Reminder ticks delivered by this silo.");
        _streamDrops = meter.CreateCounter<long>("orleansevents.runtime.stream.drops", "{item}", "Stream items dropped because a subscriber's buffer was full.");
    }

    internal bool MeasuresLatency => _callDuration.Enabled;

    internal void Activated()
    {
        _activations.Add(1);
        _activationsCreated.Add(1);
    }

    internal void ActivationFailed() => _activationFailures.Add(1);

    internal void Deactivated() => _activations.Add(-1);

    internal void CallStarted() => _calls.Add(1);

    internal void CallTimedOut() => _callTimeouts.Add(1);

    internal void CallCompleted(TimeSpan duration, bool succeeded) =>
        _callDuration.Record(duration.TotalMilliseconds, new KeyValuePair<string, object?>("succeeded", succeeded));

    internal void TurnQueued() => _queueLength.Add(1);

    internal void TurnDequeued() => _queueLength.Add(-1);

    internal void ReminderTicked() => _reminderTicks.Add(1);

    internal void StreamItemDropped(string streamNamespace) =>
        _streamDrops.Add(1, new KeyValuePair<string, object?>("namespace", streamNamespace));
}
