using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Json;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// Writes live messages as Server-Sent Events: committed events and resync notices carry
/// <c>id: {cursor}</c>, so a browser's EventSource resumes with <c>Last-Event-ID</c> after a reconnect; changes carry none.
/// Writes are serialized with the heartbeat; events wait in the response's pipe until <see cref="FlushAsync"/>.
/// </summary>
public sealed class SseSink(HttpResponse response) : ILiveSink
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    public DateTimeOffset LastWriteAt { get; private set; } = DateTimeOffset.UtcNow;

    public Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        var head = message.Position is { } position ? $"id: {position}\nevent: {message.Name}\ndata: " : $"event: {message.Name}\ndata: ";
        return WriteAsync(Encoding.UTF8.GetBytes(head), message.Payload.Utf8, flush: false, cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => WriteAsync(ReadOnlyMemory<byte>.Empty, null, flush: true, cancellationToken);

    // With the cursor as its id: a reconnecting EventSource resumes from there, not from a cursor this store does not know.
    public Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken) =>
        WriteAsync(Encoding.UTF8.GetBytes($"id: {after}\nevent: {LiveMessageNames.Resync}\ndata: "),
            JsonSerializer.SerializeToUtf8Bytes(new ResyncNotice(after.ToString(), reason), GatewayJson.Default),
            flush: true, cancellationToken);

    /// <summary>A comment line: keeps proxies from closing an idle stream and tells the client it is alive.</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken) => WriteAsync(": heartbeat\n\n"u8.ToArray(), null, flush: true, cancellationToken);

    public Task OpenAsync(CancellationToken cancellationToken) => WriteAsync("retry: 2000\n: connected\n\n"u8.ToArray(), null, flush: true, cancellationToken);

    // Into the body's pipe without flushing unless asked: a burst of events (a log reader catching up
    // after its silo died) goes out in a few writes to the socket instead of one per event.
    private async Task WriteAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte>? data, bool flush, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var body = response.BodyWriter;
            body.Write(head.Span);
            if (data is { } payload)
            {
                body.Write(payload.Span);
                body.Write("\n\n"u8);
            }

            if (flush)
            {
                await body.FlushAsync(cancellationToken);
            }

            LastWriteAt = DateTimeOffset.UtcNow;
        }
        finally
        {
            _writing.Release();
        }
    }
}
