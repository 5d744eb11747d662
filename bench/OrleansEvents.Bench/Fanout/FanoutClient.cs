using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OrleansEvents.Bench.Fanout;

/// <summary>
/// One dashboard, as lean as a raw WebSocket speaking the SignalR JSON protocol can be: it subscribes,
/// then records for each <c>event</c> message how long ago its writer stamped it (the message text
/// carries <see cref="Stopwatch.GetTimestamp"/> of the send).
/// </summary>
public sealed class FanoutClient(ClientWebSocket socket, FanoutRecorder.Sink recorder)
{
    private const byte RecordSeparator = 0x1e;

    public static async Task<FanoutClient> ConnectAsync(Uri hub, FanoutRecorder recorder, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(hub, cancellationToken);
        await SendAsync(socket, """{"protocol":"json","version":1}""" + "\u001e" +
            """{"type":1,"invocationId":"1","target":"SubscribeAsync","arguments":[null,null]}""" + "\u001e", cancellationToken);
        return new FanoutClient(socket, recorder.NewSink());
    }

    public async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var pending = new ArrayBufferWriter<byte>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, cancellationToken);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                pending.Write(buffer.AsSpan(0, received.Count));
                var span = pending.WrittenSpan;
                var consumed = 0;
                int end;
                while ((end = span[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    Record(span.Slice(consumed, end));
                    consumed += end + 1;
                }

                var rest = span[consumed..].ToArray();
                pending.Clear();
                pending.Write(rest);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The run is over.
        }
    }

    public async Task CloseAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // Already closed.
        }

        socket.Dispose();
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private void Record(ReadOnlySpan<byte> message)
    {
        var now = Stopwatch.GetTimestamp();
        if (message.IndexOf("\"target\":\"event\""u8) < 0)
        {
            return;
        }

        // The writer's stamp is the message text "t=<ticks>": find it without building a document.
        var marker = message.IndexOf("\"message\":\"t="u8);
        if (marker < 0)
        {
            return;
        }

        var digits = message[(marker + 13)..];
        var length = digits.IndexOf((byte)'"');
        if (length > 0 && long.TryParse(digits[..length], out var sent))
        {
            recorder.Record(now - sent);
        }
    }
}
