using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Hosting;

namespace OrleansEvents.Bench.Fanout;

/// <summary>
/// Fan-out, side by side in one run: events appended over HTTP at a steady rate reach N SignalR
/// subscribers through the real path (stream grain, group commit, log tailer, live feed, hub), and
/// the same messages through a bare hub that only broadcasts them. Delivery rate and
/// append-to-receive latency (p50/p99) for both; goals ≥ 0.8 × the bare hub's rate and p99 ≤ 100 ms.
/// </summary>
public static class FanoutBenchmark
{
    private const string Key = "bench-admin-key-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var subscribers = FanoutLoad.Option(args, "--subscribers", 1000);
        var rate = FanoutLoad.Option(args, "--rate", 50);
        var seconds = FanoutLoad.Option(args, "--seconds", 10);
        var clientsAt = Array.IndexOf(args, "--clients");
        var where = clientsAt >= 0 && clientsAt + 1 < args.Length ? args[clientsAt + 1] : "process";
        if (where is not ("process" or "in-process"))
        {
            Console.Error.WriteLine($"--clients must be process or in-process, not {where}");
            return 2;
        }

        var inProcess = where == "in-process";
        Func<Uri, int, Task<ISubscribers>> connect = inProcess ? async (hub, n) => await InProcessSubscribers.ConnectAsync(hub, n) : ChildProcessSubscribers.ConnectAsync;
        Console.WriteLine($"fanout benchmark: {subscribers} subscribers ({(inProcess ? "in the bench's process" : "in a process of their own")}), " +
                          $"{rate} events/s for {seconds} s, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        var directory = Directory.CreateTempSubdirectory("oe-bench-fanout-").FullName;
        try
        {
            await using var gateway = await StartGatewayAsync(directory);
            var ours = await MeasureAsync("OrleansEvents /hubs/events (store, cursor, filter)", gateway, "/hubs/events", "/api/events", connect, subscribers, rate, seconds,
                () => gateway.Services.GetRequiredService<LiveFeed>().SubscriberCount >= subscribers);
            await gateway.StopAsync();
            await using var bare = await StartBareAsync();
            var baseline = await MeasureAsync("bare hub (broadcast, no store)", bare, "/hubs/bare", "/publish", connect, subscribers, rate, seconds, () => true);
            await bare.StopAsync();

            Console.WriteLine();
            Console.WriteLine("| fan-out (loopback) | delivered / expected | deliveries/s | p50 ms | p99 ms | cores idle: server / subscribers | cores sending: server / subscribers |");
            Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var result in new[] { ours, baseline })
            {
                Console.WriteLine($"| {result.Name} | {result.Delivered:N0} / {result.Expected:N0} | {result.DeliveriesPerSecond:N0} | {result.P50Ms:0.0} | {result.P99Ms:0.0} | " +
                                  $"{result.IdleServerCores:0.00} / {result.IdleClientCores:0.00} | {result.ServerCores:0.00} / {result.ClientCores:0.00} |");
            }

            Console.WriteLine($"| ratio (goal ≥ 0.8, p99 ≤ 100 ms) | | {ours.DeliveriesPerSecond / baseline.DeliveriesPerSecond:0.00} × | | | | |");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<FanoutResult> MeasureAsync(
        string name, WebApplication app, string hubPath, string postPath, Func<Uri, int, Task<ISubscribers>> connect,
        int subscribers, int rate, int seconds, Func<bool> subscribed)
    {
        var address = new Uri(app.Urls.First());
        var appends = new FanoutRecorder();
        var postSink = appends.NewSink();
        var hub = new UriBuilder(address) { Scheme = "ws", Path = hubPath, Query = "access_token=" + Key }.Uri;
        await using var clients = await connect(hub, subscribers);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!subscribed() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-API-Key", Key);

        var warmUp = await FanoutLoad.WarmUpAsync(http, postPath, rate, postSink, async () => JitInfo.GetCompilationTime() + await clients.CompilationTimeAsync());
        await FanoutLoad.WaitForDeliveriesAsync(clients, (long)rate * warmUp * subscribers);
        await clients.ResetAsync();
        appends.Reset();
        var (idleServer, idleClient) = await MeasureIdleAsync(clients);

        var total = rate * seconds;
        var serverBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clientBefore = clients.ProcessorTime();
        var started = Stopwatch.GetTimestamp();
        await FanoutLoad.PostAtRateAsync(http, postPath, total, rate, postSink);
        var expected = (long)total * subscribers;
        var (delivered, lastChange) = await FanoutLoad.WaitForDeliveriesAsync(clients, expected);

        var elapsed = Stopwatch.GetElapsedTime(started, lastChange).TotalSeconds;
        var busy = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var serverCores = (Process.GetCurrentProcess().TotalProcessorTime - serverBefore).TotalSeconds / busy;
        var clientCores = (clients.ProcessorTime() - clientBefore).TotalSeconds / busy;
        var (p50, p99) = await clients.PercentilesAsync();
        var result = new FanoutResult(name, total, expected, delivered, elapsed, p50, p99, idleServer, idleClient, serverCores, clientCores);
        Console.WriteLine($"  {name}: warmed up for {warmUp} s, then {result.Delivered:N0} of {result.Expected:N0} in {elapsed:0.00} s; " +
                          $"the POSTs themselves took p50 {appends.PercentileMs(50):0.0} ms, p99 {appends.PercentileMs(99):0.0} ms");
        return result;
    }

    /// <summary>Cores the server (this process) and the subscribers use while connected and sent nothing, over 3 s.</summary>
    private static async Task<(double Server, double Client)> MeasureIdleAsync(ISubscribers clients)
    {
        var window = TimeSpan.FromSeconds(3);
        var server = Process.GetCurrentProcess().TotalProcessorTime;
        var client = clients.ProcessorTime();
        await Task.Delay(window);
        return ((Process.GetCurrentProcess().TotalProcessorTime - server) / window, (clients.ProcessorTime() - client) / window);
    }

    private static async Task<WebApplication> StartGatewayAsync(string directory)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "events.db"),
            ["Auth:ApiKeys:0:Key"] = Key,
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Gateway:RateLimit:Enabled"] = "false",
            ["Gateway:HubStatsInterval"] = "01:00:00",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEventGrains();
        builder.AddGateway();
        var app = builder.Build();
        app.MapGateway();
        await app.Services.MigrateEventStorageAsync();
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartBareAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.MapHub<BareHub>("/hubs/bare");
        var id = 0L;
        app.MapPost("/publish", async (HttpRequest request, IHubContext<BareHub> hub) =>
        {
            // The same message the real hub sends, field for field: the posted event with server fields added.
            using var body = await System.Text.Json.JsonDocument.ParseAsync(request.Body);
            var root = body.RootElement;
            var sequence = Interlocked.Increment(ref id);
            var stored = new Dictionary<string, object?>
            {
                ["id"] = sequence,
                ["event_id"] = Guid.NewGuid().ToString(),
                ["tenant_id"] = "default",
                ["stream"] = "lead/bench",
                ["version"] = sequence,
                ["position"] = string.Create(CultureInfo.InvariantCulture, $"{sequence}-{sequence}"),
                ["timestamp"] = DateTimeOffset.UtcNow,
                ["recorded_at"] = DateTimeOffset.UtcNow,
                ["category"] = "bench",
                ["severity"] = "info",
                ["event_type"] = root.GetProperty("event_type").GetString(),
                ["message"] = root.GetProperty("message").GetString(),
                ["source"] = null,
                ["lead_id"] = "bench",
                ["session_id"] = null,
                ["device_id"] = null,
                ["account_id"] = null,
                ["workflow_id"] = null,
                ["context"] = root.GetProperty("context").Clone(),
                ["resolved"] = false,
                ["resolved_by"] = null,
                ["resolved_at"] = null,
                ["resolution_note"] = null,
            };
            await hub.Clients.All.SendAsync("event", stored);
            return Results.Created();
        });
        await app.StartAsync();
        return app;
    }
}
