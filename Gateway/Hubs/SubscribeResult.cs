namespace OrleansEvents.Gateway.Hubs;

/// <summary>What SubscribeAsync answers: the cursor after which events will arrive (the one given, or the live end).</summary>
public sealed record SubscribeResult(string AfterCursor);
