namespace OrleansEvents.Client.Reading;

/// <summary>The hub's answer to <c>SubscribeAsync</c>: the cursor after which events will come.</summary>
internal sealed record SubscribeAnswer(string AfterCursor);
