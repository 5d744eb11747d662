namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of a replay: at least one filter (stream, the ids, event_type, since, until); any other field is refused.</summary>
/// <param name="Stream">Events of this stream, kind/key.</param>
/// <param name="SessionId">Events of this session.</param>
/// <param name="LeadId">Events of this lead.</param>
/// <param name="DeviceId">Events of this device.</param>
/// <param name="EventType">Events of this exact type.</param>
/// <param name="Since">Events that happened at or after it: RFC 3339, now, or a duration back from now (15m, 24h, 7d).</param>
/// <param name="Until">Events that happened at or before it, written as since.</param>
/// <param name="DryRun">true (default) only counts and samples; false replays.</param>
/// <param name="Max">Replay at most this many events: 1 to Events:Replay:MaxEvents (default 1 000); more is a 400. Without it, up to that cap.</param>
public sealed record ReplayBody(
    string? Stream = null,
    string? SessionId = null,
    string? LeadId = null,
    string? DeviceId = null,
    string? EventType = null,
    string? Since = null,
    string? Until = null,
    bool? DryRun = null,
    int? Max = null);
