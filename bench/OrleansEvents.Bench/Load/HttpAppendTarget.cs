using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// The silo's HTTP API over HTTP/1.1 keep-alive, one connection per worker: <c>POST /api/events</c> with
/// one event object, or with an array for a batch (events of many streams, routed by their lead_id).
/// A request that failed or timed out is sent again with the same event ids, so it stores nothing twice.
/// </summary>
public sealed class HttpAppendTarget : ILoadTarget<byte[]>, IDisposable
{
    private const string Path = "/api/events";
    private const int MaxRetries = 10;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly string[] _leads;
    private readonly bool _single;

    public HttpAppendTarget(Uri baseAddress, string apiKey, int streams, int concurrency, int batch, string streamPrefix = LoadRow.StreamPrefix)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        _http = new HttpClient(handler)
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        _http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        _leads = LoadRow.Leads(streams, streamPrefix);
        _single = batch == 1;
    }

    public byte[] Prepare(Random random, int events)
    {
        var drawn = LoadEvents.Draw(random, _leads, events);
        return _single ? JsonSerializer.SerializeToUtf8Bytes(drawn[0], Json) : JsonSerializer.SerializeToUtf8Bytes(drawn, Json);
    }

    public async Task<int> SendAsync(byte[] request)
    {
        for (var retries = 0; ; retries++)
        {
            try
            {
                using var content = new ByteArrayContent(request);
                content.Headers.ContentType = JsonType;
                using var response = await _http.PostAsync(Path, content);
                // 201: stored; 200: every event id was stored already, by an earlier try of this request.
                if (response.IsSuccessStatusCode)
                {
                    return retries;
                }

                if (response.StatusCode is not (HttpStatusCode.ServiceUnavailable or HttpStatusCode.InternalServerError or HttpStatusCode.GatewayTimeout
                    or HttpStatusCode.TooManyRequests) || retries == MaxRetries)
                {
                    throw new InvalidOperationException($"POST {Path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception exception) when (exception is (HttpRequestException or TaskCanceledException) && retries < MaxRetries)
            {
                // Refused, dropped or timed out: whether it was stored is unknown, so it goes again as it was.
            }

            await Task.Delay(RetryDelay);
        }
    }

    public void Dispose() => _http.Dispose();
}
