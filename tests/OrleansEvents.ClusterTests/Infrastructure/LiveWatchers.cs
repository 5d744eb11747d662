using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>
/// A dashboard's view through the gateway process: one SignalR connection (the official client) and
/// one SSE stream, both following <see cref="LoadWriters.EventType"/> events, keeping the ids they
/// receive in arrival order and counting resync notices.
/// </summary>
public sealed class LiveWatchers : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly SseClient _sse;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sseReading;
    private readonly ConcurrentQueue<long> _hubIds = new();
    private readonly ConcurrentQueue<long> _sseIds = new();
    private int _hubResyncs;
    private int _sseResyncs;

    private LiveWatchers(HubConnection hub, SseClient sse)
    {
        _hub = hub;
        _sse = sse;
        _sseReading = Task.Run(ReadSseAsync);
    }

    public IReadOnlyList<long> HubIds => [.. _hubIds];

    public IReadOnlyList<long> SseIds => [.. _sseIds];

    public int HubResyncs => _hubResyncs;

    public int SseResyncs => _sseResyncs;

    /// <summary>The notice of each resync, SignalR's and SSE's, for a failure message.</summary>
    public ConcurrentQueue<string> ResyncNotices { get; } = new();

    public static async Task<LiveWatchers> OpenAsync(Uri gateway)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(gateway, "/hubs/events"), http => http.AccessTokenProvider = () => Task.FromResult<string?>(SiloCluster.Key))
            .Build();
        var sse = await SseClient.OpenAsync(gateway, SiloCluster.Key, $"/api/logs/stream?event_type={LoadWriters.EventType}");
        var watchers = new LiveWatchers(hub, sse);
        hub.On<JsonElement>("event", stored => watchers._hubIds.Enqueue(stored.GetProperty("id").GetInt64()));
        hub.On<JsonElement>("resync", notice =>
        {
            Interlocked.Increment(ref watchers._hubResyncs);
            watchers.ResyncNotices.Enqueue($"SignalR {notice.GetRawText()}");
        });
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("Subscribe", JsonSerializer.SerializeToElement(new { event_type = LoadWriters.EventType }), null);
        return watchers;
    }

    /// <summary>Waits until both have received at least <paramref name="count"/> events, or the timeout passes.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while ((_hubIds.Count < count || _sseIds.Count < count) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _hub.DisposeAsync();
        await _sse.DisposeAsync();
        await _sseReading.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task ReadSseAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            SseEvent message;
            try
            {
                message = await _sse.NextEventAsync(TimeSpan.FromMinutes(5));
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            if (message.Name == "resync")
            {
                Interlocked.Increment(ref _sseResyncs);
                ResyncNotices.Enqueue($"SSE {message.Data}");
            }
            else if (message.Name == "event")
            {
                _sseIds.Enqueue(JsonDocument.Parse(message.Data).RootElement.GetProperty("id").GetInt64());
            }
        }
    }
}
