using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary>The reader sends q and context filters as the gateway's parameters, keys and values escaped.</summary>
public sealed class SearchTests(LoopbackSilo silo) : IClassFixture<LoopbackSilo>
{
    [Fact]
    public async Task SearchThroughTheReaderFiltersByTextAndContextValues()
    {
        var lead = $"lead-search-{Guid.NewGuid():N}";
        await using var client = await ClientHost.StartAsync(silo.Endpoint, o =>
        {
            o.ThrowOnFailure = true;
            o.BatchDelay = TimeSpan.Zero;
        });
        await client.Recorder.InfoAsync("search.wanted", lead, new Dictionary<string, object> { ["attempt"] = 3, ["who & why"] = "Grace Hopper" });
        await client.Recorder.InfoAsync("search.wrong_attempt", lead, new Dictionary<string, object> { ["attempt"] = 4, ["who & why"] = "Grace Hopper" });
        await client.Recorder.InfoAsync("search.wrong_text", lead, new Dictionary<string, object> { ["attempt"] = "3", ["who & why"] = "Ada" });

        var found = await client.Reader.AllAsync(new EventFilter
        {
            LeadId = lead,
            Text = "GRACE",
            Context = new Dictionary<string, string> { ["attempt"] = "3", ["who & why"] = "Grace Hopper" },
        });

        Assert.Equal(["search.wanted"], found.Select(e => e.EventType));
    }
}
