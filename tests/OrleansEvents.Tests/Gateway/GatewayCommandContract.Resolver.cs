using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Who resolved: the kind of resolver and the name of the key, stored, returned and filterable.</summary>
public abstract partial class GatewayCommandContract
{
    [Fact]
    public async Task ResolutionRecordsTheNameOfTheCallersKeyNeverTheKey()
    {
        var id = await ProblemAsync("resolver.named");
        var name = await KeyNameAsync(Writer);

        var resolved = await ProblemAssert.JsonAsync(await Writer.PostAsync($"/api/events/{id}/resolve", JsonContent.Of("""{"resolved_by":"llm_agent"}""")));
        var read = await ProblemAssert.JsonAsync(await Writer.GetAsync($"/api/events/{id}"));

        Assert.Matches("^key-[0-9]+$", name);
        Assert.Equal(name, resolved.GetProperty("resolved_by_key").GetString());
        Assert.Equal(name, read.GetProperty("resolved_by_key").GetString());
        Assert.Equal("llm_agent", read.GetProperty("resolved_by").GetString());
        Assert.DoesNotContain(Tenant.WriteKey, read.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolvedByAndResolvedByKeyFilterTheEvents()
    {
        var byWriter = await ProblemAsync("resolver.filter");
        var byAdmin = await ProblemAsync("resolver.filter");
        var open = await ProblemAsync("resolver.filter");
        await Writer.PostAsync($"/api/events/{byWriter}/resolve", JsonContent.Of("""{"resolved_by":"human"}"""));
        await Admin.PostAsync($"/api/events/{byAdmin}/resolve", JsonContent.Of("""{"resolved_by":"auto"}"""));
        var writerName = await KeyNameAsync(Writer);
        var adminName = await KeyNameAsync(Admin);

        Assert.Equal([byWriter], await IdsAsync($"event_type=resolver.filter&resolved_by_key={writerName}"));
        Assert.Equal([byAdmin], await IdsAsync($"event_type=resolver.filter&resolved_by_key={adminName}"));
        Assert.Equal([byAdmin], await IdsAsync("event_type=resolver.filter&resolved_by=auto"));
        Assert.Equal([byWriter], await IdsAsync($"event_type=resolver.filter&resolved_by=HUMAN&resolved_by_key={writerName}"));
        Assert.Equal([open], await IdsAsync("event_type=resolver.filter&resolved=false"));
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/events?resolved_by=robot"), HttpStatusCode.BadRequest, "resolved_by");
    }

    [Fact]
    public async Task ReopeningForgetsWhoResolved()
    {
        var id = await ProblemAsync("resolver.reopen");
        await Writer.PostAsync($"/api/events/{id}/resolve", JsonContent.Of("{}"));

        var reopened = await ProblemAssert.JsonAsync(await Writer.PostAsync($"/api/events/{id}/unresolve", null));

        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("resolved_by_key").ValueKind);
        Assert.Empty(await IdsAsync($"event_type=resolver.reopen&resolved_by_key={await KeyNameAsync(Writer)}"));
    }

    [Fact]
    public async Task AuditEntriesNameTheKeyAsResolutionsDo()
    {
        var id = await ProblemAsync("resolver.audit");
        await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"severity":"warning"}"""));

        var audit = await ProblemAssert.JsonAsync(await Admin.GetAsync("/api/events?stream=system/audit&event_type=audit.event_updated"));

        var entry = Assert.Single(audit.GetProperty("events").EnumerateArray());
        Assert.Equal(await KeyNameAsync(Admin), entry.GetProperty("context").GetProperty("key").GetString());
    }

    private async Task<long> ProblemAsync(string eventType) =>
        (await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of($$"""{"event_type":"{{eventType}}","severity":"error"}""")), HttpStatusCode.Created))
        .GetProperty("id").GetInt64();

    private static async Task<string> KeyNameAsync(HttpClient client) =>
        (await ProblemAssert.JsonAsync(await client.GetAsync("/api/me"))).GetProperty("key").GetString()!;

    private async Task<List<long>> IdsAsync(string query) =>
        (await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/events?" + query))).GetProperty("events").EnumerateArray()
        .Select(e => e.GetProperty("id").GetInt64()).ToList();
}
