using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>
/// Writers that append <c>load.append</c> events over HTTP, spread over every silo's endpoint, the way
/// a service with a retry policy behind a load balancer does: an error or no answer is retried with the
/// same <c>event_id</c> on the next endpoint until it is acknowledged, and an endpoint that gave no
/// answer and then fails its liveness check is left out of the rotation for a while, as a load
/// balancer's health checks do. Keeps every answer for the test to judge.
/// </summary>
public sealed class LoadWriters(SiloCluster cluster, string run)
{
    public const string EventType = "load.append";
    private const int StreamsPerWriter = 5;
    // Short, as a load balancer's: a hung silo's own endpoint is left soon and the append retried elsewhere.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LivenessTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan EjectFor = TimeSpan.FromSeconds(15);

    private readonly ConcurrentQueue<Acknowledged> _acknowledged = new();
    private readonly ConcurrentQueue<Refusal> _refusals = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>An append the store acknowledged (201, or 200 for a retry it had stored before).</summary>
    public sealed record Acknowledged(int Writer, string EventId, HttpStatusCode Status, TimeSpan At, int Endpoint);

    /// <summary>An attempt that was not acknowledged: an error status, or no answer (<see cref="Status"/> null).</summary>
    public sealed record Refusal(int Writer, string EventId, HttpStatusCode? Status, string Detail, TimeSpan At);

    public IReadOnlyCollection<Acknowledged> AcknowledgedAppends => _acknowledged;

    public IReadOnlyCollection<Refusal> Refusals => _refusals;

    /// <summary>Time since the writers were made, on the clock the answers are stamped with.</summary>
    public TimeSpan Now => _clock.Elapsed;

    /// <summary>Runs <paramref name="writers"/> writers for <paramref name="duration"/>; each finishes the append it is on.</summary>
    public Task RunAsync(int writers, TimeSpan duration)
    {
        var until = Now + duration;
        return Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(() => WriteAsync(writer, until))));
    }

    /// <summary>The longest time any writer went without an acknowledgement across <paramref name="moment"/>.</summary>
    public TimeSpan LongestStallAcross(TimeSpan moment) => _acknowledged.GroupBy(a => a.Writer)
        .Select(byWriter =>
        {
            var before = byWriter.Where(a => a.At <= moment).Select(a => a.At).DefaultIfEmpty(moment).Max();
            var after = byWriter.Where(a => a.At > moment).Select(a => a.At).DefaultIfEmpty(Now).Min();
            return after - before;
        })
        .DefaultIfEmpty(TimeSpan.Zero)
        .Max();

    private async Task WriteAsync(int writer, TimeSpan until)
    {
        var endpoints = cluster.Silos
            .Select(slot => new Endpoint(cluster.Client(slot.BaseAddress, RequestTimeout), cluster.Client(slot.BaseAddress, LivenessTimeout)))
            .ToList();
        try
        {
            for (var sequence = 0; Now < until; sequence++)
            {
                var eventId = $"{run}-w{writer}-{sequence}";
                var body = new
                {
                    event_id = eventId,
                    event_type = EventType,
                    severity = "info",
                    lead_id = $"{run}-w{writer}-s{sequence % StreamsPerWriter}",
                    message = $"writer {writer}, append {sequence}",
                };
                await AppendUntilAcknowledgedAsync(writer, eventId, body, endpoints, sequence);
            }
        }
        finally
        {
            endpoints.ForEach(endpoint => endpoint.Dispose());
        }
    }

    private async Task AppendUntilAcknowledgedAsync(int writer, string eventId, object body, List<Endpoint> endpoints, int sequence)
    {
        var giveUpAt = Now + GiveUpAfter;
        for (var attempt = 0; ; attempt++)
        {
            var endpoint = ChooseEndpoint(endpoints, writer + sequence + attempt);
            var client = endpoints[endpoint].Client;
            try
            {
                using var response = await client.PostAsJsonAsync("/api/events", body);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    _acknowledged.Enqueue(new Acknowledged(writer, eventId, response.StatusCode, Now, endpoint));
                    return;
                }

                _refusals.Enqueue(new Refusal(writer, eventId, response.StatusCode, await response.Content.ReadAsStringAsync(), Now));
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                _refusals.Enqueue(new Refusal(writer, eventId, null, exception.Message, Now));
                await EjectIfDeadAsync(endpoints[endpoint]);
            }

            if (Now > giveUpAt)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(20 * (attempt + 1), 250)));
        }
    }

    /// <summary>The endpoint at <paramref name="turn"/> in the rotation, passing over ejected ones unless all are.</summary>
    private int ChooseEndpoint(List<Endpoint> endpoints, int turn)
    {
        for (var offset = 0; offset < endpoints.Count; offset++)
        {
            var candidate = (turn + offset) % endpoints.Count;
            if (endpoints[candidate].EjectedUntil <= Now)
            {
                return candidate;
            }
        }

        return turn % endpoints.Count;
    }

    private async Task EjectIfDeadAsync(Endpoint endpoint)
    {
        try
        {
            using var live = await endpoint.Liveness.GetAsync("/health/live");
            if (live.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
        }

        endpoint.EjectedUntil = Now + EjectFor;
    }

    private sealed class Endpoint(HttpClient client, HttpClient liveness) : IDisposable
    {
        public HttpClient Client { get; } = client;

        public HttpClient Liveness { get; } = liveness;

        public TimeSpan EjectedUntil { get; set; }

        public void Dispose()
        {
            Client.Dispose();
            Liveness.Dispose();
        }
    }
}
