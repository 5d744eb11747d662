namespace OrleansEvents.Runtime.Grains;

/// <summary>
/// Marks a grain interface method as interleaving: a call to it does not wait for the grain's turn and may
/// run concurrently with any other call on the same activation (it still waits for
/// <see cref="Grain.OnActivateAsync"/> to finish). Use it for methods that only read state which is safe to
/// read concurrently (such as an immutable snapshot the grain swaps atomically), or for methods whose grain
/// serializes its own work, e.g. to batch calls that queue up. Calls to interleaving methods can never take
/// part in a call cycle deadlock.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = true)]
public sealed class InterleaveAttribute : Attribute;
