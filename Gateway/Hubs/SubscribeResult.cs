namespace OrleansEvents.Gateway.Hubs;

/// <summary>What SubscribeAsync answers: the cursor after which events will arrive (the one given, or the live end): resume from it if no event came before a disconnect.</summary>
public sealed record SubscribeResult(string AfterCursor);
