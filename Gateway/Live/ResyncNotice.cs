namespace OrleansEvents.Gateway.Live;

/// <summary>Sent when a subscriber must refetch what it shows (it fell behind, or its cursor is unknown here): committed events resume after the cursor. <c>reason</c> says which.</summary>
public sealed record ResyncNotice(string AfterCursor, string Reason);
