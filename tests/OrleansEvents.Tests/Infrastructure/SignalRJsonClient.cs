using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// A SignalR client written against the wire protocol, over a raw WebSocket: the JSON handshake
/// (<c>{"protocol":"json","version":1}</c> + 0x1E), invocation messages (type 1) in both directions,
/// completions (type 3) and pings (type 6). Tests use the official client (<see cref="HubClient"/>); this one
/// pins the wire format itself, as browsers and clients in other languages speak it.
/// </summary>
public sealed class SignalRJsonClient : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private readonly ClientWebSocket _socket;
    private readonly Channel<JsonElement> _invocations = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _stats = Channel.CreateUnbounded<JsonElement>();
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _completions = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;
    private int _nextInvocation;

    private SignalRJsonClient(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>Connects straight over WebSockets (no negotiate) with the key as access_token, and completes the handshake.</summary>
    public static async Task<SignalRJsonClient> ConnectAsync(Uri baseAddress, string apiKey, string hubPath = "/hubs/events")
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = hubPath, Query = "access_token=" + Uri.EscapeDataString(apiKey) }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        await SendTextAsync(socket, """{"protocol":"json","version":1}""" + RecordSeparator);
        var handshake = await ReceiveRecordAsync(socket, new StringBuilder(), CancellationToken.None);
        if (handshake != "{}")
        {
            throw new InvalidOperationException("Handshake refused: " + handshake);
        }

        return new SignalRJsonClient(socket);
    }

    /// <summary>Invokes a hub method and waits for its completion; throws with the hub's error when it failed.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocation).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_completions)
        {
            _completions[id] = completion;
        }

        var message = JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments });
        await SendTextAsync(_socket, message + RecordSeparator);
        var result = await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return result.TryGetProperty("error", out var error)
            ? throw new InvalidOperationException(error.GetString())
            : result.TryGetProperty("result", out var value) ? value : default;
    }

    /// <summary>The next <c>stats</c> message.</summary>
    public async Task<JsonElement> NextStatsAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return (await _stats.Reader.ReadAsync(deadline.Token)).GetProperty("arguments")[0];
    }

    /// <summary>The next invocation other than <c>stats</c> the server sent (target and arguments), waiting up to <paramref name="timeout"/>.</summary>
    public async Task<(string Target, JsonElement Argument)> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var message = await _invocations.Reader.ReadAsync(deadline.Token);
            return (message.GetProperty("target").GetString()!, message.GetProperty("arguments")[0]);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No message from the hub within {timeout}.");
        }
    }

    /// <summary>Whether a message arrives within <paramref name="wait"/>; for asserting that nothing more comes.</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            return await _invocations.Reader.WaitToReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }

        try
        {
            await _receiving;
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Closed.
        }

        _socket.Dispose();
    }

    private static Task SendTextAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveRecordAsync(ClientWebSocket socket, StringBuilder pending, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = pending.ToString();
            var end = text.IndexOf(RecordSeparator);
            if (end >= 0)
            {
                pending.Clear().Append(text[(end + 1)..]);
                return text[..end];
            }

            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException("The hub closed the connection.");
            }

            pending.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }

    private async Task ReceiveAsync()
    {
        var pending = new StringBuilder();
        while (!_stop.IsCancellationRequested)
        {
            var record = await ReceiveRecordAsync(_socket, pending, _stop.Token);
            var message = JsonDocument.Parse(record).RootElement.Clone();
            switch (message.GetProperty("type").GetInt32())
            {
                case 1:
                    // Periodic stats are kept apart so tests of the event flow see only events.
                    var target = message.GetProperty("target").GetString();
                    await (target == "stats" ? _stats : _invocations).Writer.WriteAsync(message);
                    break;
                case 3:
                    TaskCompletionSource<JsonElement>? completion;
                    lock (_completions)
                    {
                        _completions.Remove(message.GetProperty("invocationId").GetString()!, out completion);
                    }

                    completion?.TrySetResult(message);
                    break;
                case 7:
                    throw new WebSocketException("The hub closed the connection: " + record);
            }
        }
    }
}
