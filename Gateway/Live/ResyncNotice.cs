namespace OrleansEvents.Gateway.Hubs;

/// <summary>Sent when a connection fell behind and messages were dropped: committed events resume after the cursor; refetch anything else.</summary>
public sealed record ResyncNotice(string AfterCursor, string Reason);
