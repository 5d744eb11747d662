namespace OrleansEvents.Client.Reading;

/// <summary>The hub's <c>resync</c> message: committed events go on after <see cref="AfterCursor"/>.</summary>
internal sealed record ResyncNotice(string AfterCursor, string Reason);
