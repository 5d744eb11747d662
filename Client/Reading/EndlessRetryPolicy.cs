using Microsoft.AspNetCore.SignalR.Client;
using OrleansEvents.Client.Sending;

namespace OrleansEvents.Client.Reading;

/// <summary>Reconnects for as long as the subscription is read: at once, then with backoff and jitter up to the longest retry delay.</summary>
internal sealed class EndlessRetryPolicy(TimeSpan first, TimeSpan longest) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.PreviousRetryCount == 0 ? TimeSpan.Zero : RetryDelays.For((int)Math.Min(retryContext.PreviousRetryCount, int.MaxValue), first, longest);
}
