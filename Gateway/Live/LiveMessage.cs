using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Gateway.Json;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// One notification on its way to subscribers, with its payload serialized at most once however
/// many connections receive it: the stored event for <c>event</c>, <c>eventResolved</c> and the
/// other changes; <c>{ replay_id, event }</c> for <c>replayed</c>.
/// </summary>
public sealed class LiveMessage
{
    private readonly Lazy<PreSerializedJson> _payload;
    private readonly Lazy<SerializedHubMessage> _hubMessage;

    public LiveMessage(NotificationKind kind, StoredEvent stored, string? replayId = null)
    {
        Kind = kind;
        Event = stored;
        Name = LiveMessageNames.Of(kind);
        _payload = new Lazy<PreSerializedJson>(() => new PreSerializedJson(kind == NotificationKind.Replayed
            ? JsonSerializer.SerializeToUtf8Bytes(new { replay_id = replayId, @event = stored }, GatewayJson.Default)
            : JsonSerializer.SerializeToUtf8Bytes(stored, GatewayJson.Default)));

        // The whole SignalR frame, serialized once per protocol and written as is to every connection.
        _hubMessage = new Lazy<SerializedHubMessage>(() => new SerializedHubMessage(new InvocationMessage(Name, [Payload])));
    }

    public NotificationKind Kind { get; }

    public StoredEvent Event { get; }

    /// <summary>The client method / SSE event name.</summary>
    public string Name { get; }

    /// <summary>Where a subscriber resumes after this message; only committed events have one.</summary>
    public LogPosition? Position => Kind == NotificationKind.Committed ? Event.Position : null;

    public PreSerializedJson Payload => _payload.Value;

    public SerializedHubMessage HubMessage => _hubMessage.Value;

    public static LiveMessage Of(LogNotification notification) => new(notification.Kind, notification.Event, notification.ReplayId);
}
