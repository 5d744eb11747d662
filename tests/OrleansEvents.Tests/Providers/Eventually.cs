namespace OrleansEvents.Tests.Providers;

/// <summary>Waits, bounded, for something the cluster does on its own time (a reminder tick, a membership view).</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Within {Limit.TotalSeconds:0} s, {what} never held.");
            }

            await Task.Delay(50);
        }
    }
}
