namespace OrleansEvents.Tests.Runtime.TestGrains;

public interface ISequenceGrain
{
    Task AppendAsync(int value);

    Task<IReadOnlyList<int>> GetAsync();

    ValueTask<int> OverlapsAsync();

    ValueTask ClearAsync();
}
