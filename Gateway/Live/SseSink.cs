using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Json;

namespace OrleansEvents.Gateway.Live;

/// <summary>
/// Writes live messages as Server-Sent Events: committed events and resync notices carry
/// <c>id: {cursor}</c>, so a browser's EventSource resumes with <c>Last-Event-ID</c> after a reconnect; changes carry none.
/// Writes are serialized with the heartbeat.
/// </summary>
public sealed class SseSink(HttpResponse response) : ILiveSink
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    public DateTimeOffset LastWriteAt { get; private set; } = DateTimeOffset.UtcNow;

    public Task SendAsync(LiveMessage message, CancellationToken cancellationToken)
    {
        var head = message.Position is { } position ? $"id: {position}\nevent: {message.Name}\ndata: " : $"event: {message.Name}\ndata: ";
        return WriteAsync(Encoding.UTF8.GetBytes(head), message.Payload.Utf8, cancellationToken);
    }

    // With the cursor as its id: a reconnecting EventSource resumes from there, not from a cursor this store does not know.
    public Task ResyncAsync(LogPosition after, string reason, CancellationToken cancellationToken) =>
        WriteAsync(Encoding.UTF8.GetBytes($"id: {after}\nevent: {LiveMessageNames.Resync}\ndata: "),
            JsonSerializer.SerializeToUtf8Bytes(new ResyncNotice(after.ToString(), reason), GatewayJson.Default),
            cancellationToken);

    /// <summary>A comment line: keeps proxies from closing an idle stream and tells the client it is alive.</summary>
    public Task HeartbeatAsync(CancellationToken cancellationToken) => WriteAsync(": heartbeat\n\n"u8.ToArray(), null, cancellationToken);

    public Task OpenAsync(CancellationToken cancellationToken) => WriteAsync("retry: 2000\n: connected\n\n"u8.ToArray(), null, cancellationToken);

    private async Task WriteAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte>? data, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken);
        try
        {
            await response.Body.WriteAsync(head, cancellationToken);
            if (data is { } payload)
            {
                await response.Body.WriteAsync(payload, cancellationToken);
                await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
            LastWriteAt = DateTimeOffset.UtcNow;
        }
        finally
        {
            _writing.Release();
        }
    }
}
