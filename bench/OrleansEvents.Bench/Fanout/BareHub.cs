using Microsoft.AspNetCore.SignalR;

namespace OrleansEvents.Bench.Fanout;

/// <summary>The baseline: a hub with no store, no filter and no cursor behind it.</summary>
public sealed class BareHub : Hub
{
    /// <summary>Accepted so clients can subscribe the same way as on the real hub; does nothing.</summary>
    public Task<object> SubscribeAsync(object? filter, string? afterCursor) => Task.FromResult<object>(new { after_cursor = "live" });
}
