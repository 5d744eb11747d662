namespace OrleansEvents.Bench.Load;

/// <summary>Where a row's requests go: the silo's HTTP API or its grains in this process.</summary>
/// <typeparam name="TRequest">A request made ready before its latency is timed.</typeparam>
public interface ILoadTarget<TRequest>
{
    /// <summary>The next request, of <paramref name="events"/> events to streams drawn from <paramref name="random"/>.</summary>
    TRequest Prepare(Random random, int events);

    /// <summary>Sends it until it is stored; how many times it had to be sent again.</summary>
    Task<int> SendAsync(TRequest request);
}
