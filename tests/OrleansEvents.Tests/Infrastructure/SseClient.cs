using System.Net.Http.Headers;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Reads a Server-Sent Events stream with HttpClient, the way a service would, skipping comments.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseClient(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Opens the stream; <paramref name="lastEventId"/> goes in the Last-Event-ID header.</summary>
    public static async Task<SseClient> OpenAsync(Uri baseAddress, string apiKey, string pathAndQuery, string? lastEventId = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        request.Headers.Add("X-API-Key", apiKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new SseClient(client, response, reader);
    }

    /// <summary>The next event (not comment), or a TimeoutException after <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextEventAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        string? id = null;
        var name = "message";
        string? data = null;
        try
        {
            while (true)
            {
                var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new EndOfStreamException("The stream ended.");
                if (line.Length == 0)
                {
                    if (data is not null)
                    {
                        return new SseEvent(id, name, data);
                    }

                    continue;
                }

                if (line.StartsWith(':'))
                {
                    continue;
                }

                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "id":
                        id = value;
                        break;
                    case "event":
                        name = value;
                        break;
                    case "data":
                        data = data is null ? value : data + "\n" + value;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No event within {timeout}.");
        }
    }

    /// <summary>Reads the raw text until a heartbeat comment arrives.</summary>
    public async Task<bool> WaitForHeartbeatAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (await _reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith(": heartbeat", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
