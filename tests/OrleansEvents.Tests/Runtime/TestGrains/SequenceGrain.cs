namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>Appends values and detects any call that starts while another is still running.</summary>
public sealed class SequenceGrain : ISequenceGrain
{
    private readonly List<int> _values = [];
    private int _running;
    private int _overlaps;

    public async Task AppendAsync(int value)
    {
        if (Interlocked.Increment(ref _running) != 1)
        {
            Interlocked.Increment(ref _overlaps);
        }

        // Give up the thread mid-call: an interleaving runtime would start the next call here.
        await Task.Yield();
        _values.Add(value);
        await Task.Yield();
        Interlocked.Decrement(ref _running);
    }

    public Task<IReadOnlyList<int>> GetAsync() => Task.FromResult<IReadOnlyList<int>>([.. _values]);

    public ValueTask<int> OverlapsAsync() => ValueTask.FromResult(_overlaps);

    public async ValueTask ClearAsync()
    {
        await Task.Yield();
        _values.Clear();
    }
}
