namespace OrleansEvents.Client.Sending;

/// <summary>Exponential backoff with jitter: attempt n waits between half and all of min(first × 2ⁿ⁻¹, longest), so many clients that lost the store together do not return together.</summary>
internal static class RetryDelays
{
    public static TimeSpan For(int attempt, TimeSpan first, TimeSpan longest)
    {
        var ceiling = Math.Min(longest.TotalMilliseconds, first.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }
}
