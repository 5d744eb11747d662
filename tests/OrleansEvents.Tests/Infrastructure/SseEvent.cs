namespace OrleansEvents.Tests.Infrastructure;

/// <summary>One Server-Sent Event as received: its id (cursor), event name and data line.</summary>
public sealed record SseEvent(string? Id, string Name, string Data);
