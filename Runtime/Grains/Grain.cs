using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Runtime.Reminders;
using OrleansEvents.Runtime.Timers;
using RuntimeActivation = OrleansEvents.Runtime.Activation.Activation;

namespace OrleansEvents.Runtime.Grains;

/// <summary>
/// Optional base class for grain classes: lifecycle hooks, timers, reminders and self-deactivation.
/// A grain class may also implement its interface without deriving from this class.
/// The members below are available from <see cref="OnActivateAsync"/> on, not in the constructor.
/// </summary>
public abstract class Grain
{
    private RuntimeActivation? _activation;

    /// <summary>This grain's identity.</summary>
    protected GrainId GrainId => Activation.Id;

    /// <summary>This grain's key (the string passed to <see cref="IGrainFactory.GetGrain{TGrainInterface}"/>).</summary>
    protected string GrainKey => Activation.Id.Key;

    /// <summary>The factory for references to other grains (or to this one).</summary>
    protected IGrainFactory GrainFactory => Activation.Catalog.GrainFactory;

    private RuntimeActivation Activation =>
        _activation ?? throw new InvalidOperationException("Grain members are available from OnActivateAsync on, not in the constructor.");

    /// <summary>Runs once before the first call is delivered; if it throws, that call fails and the next call activates afresh.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is collected, asked to deactivate, or the host stops.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation after the current turn; later calls go to a fresh activation.</summary>
    protected void DeactivateOnIdle() => Activation.RequestDeactivation(DeactivationReason.Requested);

    /// <summary>
    /// Starts an in-memory timer whose callback runs as a turn of this grain (never concurrently with calls).
    /// A tick is skipped while the previous one is still waiting to run. Timers stop at deactivation and
    /// do not keep the activation from being collected.
    /// </summary>
    protected IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        Activation.RegisterTimer(callback, dueTime, period);

    /// <summary>Registers or replaces a durable reminder; the grain must implement <see cref="IRemindable"/>.</summary>
    protected Task RegisterOrUpdateReminderAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        Reminders.RegisterOrUpdateAsync(GrainId, name, ReminderSchedule.Every(dueTime, period));

    /// <summary>Registers or replaces a durable reminder with the given schedule, e.g. <see cref="ReminderSchedule.DailyAt"/>.</summary>
    protected Task RegisterOrUpdateReminderAsync(string name, ReminderSchedule schedule) =>
        Reminders.RegisterOrUpdateAsync(GrainId, name, schedule);

    /// <summary>Removes a durable reminder; does nothing if it does not exist.</summary>
    protected Task UnregisterReminderAsync(string name) => Reminders.UnregisterAsync(GrainId, name);

    /// <summary>Lists this grain's durable reminders.</summary>
    protected Task<IReadOnlyList<ReminderInfo>> GetRemindersAsync() => Reminders.GetAsync(GrainId);

    /// <summary>Returns a reference to this grain through one of its interfaces, e.g. to hand to a stream subscription.</summary>
    protected TGrainInterface AsReference<TGrainInterface>()
        where TGrainInterface : class => GrainFactory.GetGrain<TGrainInterface>(GrainKey);

    private IReminderRegistry Reminders =>
        Activation.Catalog.Services.GetService<IReminderRegistry>()
        ?? throw new InvalidOperationException("No reminders table is configured; call UsePostgresReminders() or UseSqliteReminders(...) on AddGrainRuntime().");

    internal void Attach(RuntimeActivation activation) => _activation = activation;
}
