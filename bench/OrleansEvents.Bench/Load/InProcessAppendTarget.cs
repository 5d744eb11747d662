using OrleansEvents.Bench.Append;
using OrleansEvents.Events;

namespace OrleansEvents.Bench.Load;

/// <summary>The grains in this process, called as the gateway calls them, without HTTP in between.</summary>
public sealed class InProcessAppendTarget(OurAppendPath path, string tenantId, int streams) : ILoadTarget<IReadOnlyList<NewEvent>>
{
    private readonly string[] _leads = LoadRow.Leads(streams);

    public IReadOnlyList<NewEvent> Prepare(Random random, int events) => LoadEvents.Draw(random, _leads, events);

    public async Task<int> SendAsync(IReadOnlyList<NewEvent> request)
    {
        await path.AppendAsync(tenantId, request);
        return 0;
    }
}
