namespace OrleansEvents.Runtime.Timers;

/// <summary>A timer of one activation, created with <c>Grain.RegisterTimer</c>; dispose it to stop it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the next tick is due and the period after it.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
