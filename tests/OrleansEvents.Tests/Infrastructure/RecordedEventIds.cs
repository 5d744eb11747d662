namespace OrleansEvents.Tests.Infrastructure;

/// <summary>The event ids a test sink received, in order, and a bounded wait for them.</summary>
public sealed class RecordedEventIds
{
    private readonly List<long> _ids = [];

    public IReadOnlyList<long> All
    {
        get
        {
            lock (_ids)
            {
                return [.. _ids];
            }
        }
    }

    public void Add(long id)
    {
        lock (_ids)
        {
            _ids.Add(id);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (All.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{All.Count} of {count} events arrived within {timeout}.");
            }

            await Task.Delay(20);
        }
    }
}
