namespace OrleansEvents.Retention;

/// <summary>
/// Counts retention runs that deleted something in this silo. Stream grains keep counts in memory;
/// when the epoch moves they count again, because retention deletes rows without going through them.
/// </summary>
public sealed class RetentionEpoch
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);
}
