using System.Net;

namespace OrleansEvents.Bench.Load;

/// <summary>
/// The HTTP pipeline without the append: <c>GET /api/me</c> with the API key (authentication, rate limiter,
/// routing, a small JSON answer, no grain call), over HTTP/1.1 keep-alive, one connection per worker.
/// What the silo spends on it per request is the floor under every POST.
/// </summary>
public sealed class HttpGetTarget : ILoadTarget<int>, IDisposable
{
    public const string Path = "/api/me";

    private readonly HttpClient _http;
    private long _answered;

    public HttpGetTarget(Uri baseAddress, string apiKey, int concurrency)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10) };
        _http = new HttpClient(handler) { BaseAddress = baseAddress, DefaultRequestVersion = HttpVersion.Version11, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        _http.DefaultRequestHeaders.Add("X-API-Key", apiKey);
    }

    /// <summary>Requests answered 200.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public int Prepare(Random random, int events) => events;

    public async Task<int> SendAsync(int request)
    {
        using var response = await _http.GetAsync(Path);
        await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Interlocked.Increment(ref _answered);
        }

        return 0;
    }

    public void Dispose() => _http.Dispose();
}
