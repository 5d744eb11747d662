using System.Net;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Paging, filters, unknown groups and bad input of the problem group endpoints.</summary>
public abstract partial class ProblemGroupContract
{
    [Fact]
    public async Task GroupsPageAndFilterAsEventsDo()
    {
        var now = DateTimeOffset.UtcNow;
        await PostAsync(
            new { event_type = "pf.alpha", severity = "warning", lead_id = "p1", message = "alpha text", timestamp = now.AddHours(-3).ToString("O") },
            new { event_type = "pf.beta", severity = "error", lead_id = "p1", message = "beta text", timestamp = now.AddHours(-2).ToString("O") },
            new { event_type = "other.gamma", severity = "critical", lead_id = "p1", message = "gamma text", timestamp = now.AddHours(-1).ToString("O") });

        Assert.Equal(["lead:other.gamma", "lead:pf.beta"], Fingerprints(await GroupsAsync("limit=2")));
        Assert.Equal(["lead:pf.alpha"], Fingerprints(await GroupsAsync("limit=2&offset=2")));
        Assert.Equal(["lead:pf.alpha", "lead:pf.beta", "lead:other.gamma"], Fingerprints(await GroupsAsync("order=asc")));
        Assert.Equal(["lead:other.gamma"], Fingerprints(await GroupsAsync("severity=critical")));
        Assert.Equal(["lead:other.gamma", "lead:pf.beta"], Fingerprints(await GroupsAsync("min_severity=error")));
        Assert.Equal(["lead:pf.beta", "lead:pf.alpha"], Fingerprints(await GroupsAsync("event_type=pf.*")));
        Assert.Equal(["lead:pf.beta"], Fingerprints(await GroupsAsync("event_type=pf.beta")));
        Assert.Equal(["lead:other.gamma"], Fingerprints(await GroupsAsync("q=GAMMA")));
        Assert.Equal(["lead:other.gamma", "lead:pf.beta"], Fingerprints(await GroupsAsync("since=150m")));
        var page = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/problems?limit=1"));
        Assert.Equal((3L, 1, 0), (page.GetProperty("total").GetInt64(), page.GetProperty("limit").GetInt32(), page.GetProperty("offset").GetInt32()));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("offset=-1", "offset")]
    [InlineData("severity=loud", "severity")]
    [InlineData("lead_id=p1", "lead_id")]
    [InlineData("since=yesterday", "since")]
    public async Task ABadListQueryIsABadRequestNamingTheParameter(string query, string field) =>
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync($"/api/problems?{query}"), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task AnUnknownGroupIsNotFound()
    {
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/problems/lead:never.seen"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/problems/lead:never.seen/resolve", null), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/problems/lead:never.seen:0123456789abcdef/unresolve", null), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("planet:a.b")]
    [InlineData("lead:Upper.Case")]
    [InlineData("lead:a..b")]
    [InlineData("lead:a.b:xyz")]
    [InlineData("lead:a.b:0123456789ABCDEF")]
    [InlineData("lead:a.b%0A")]
    public async Task ABadFingerprintIsABadRequestNamingIt(string fingerprint)
    {
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync($"/api/problems/{fingerprint}"), HttpStatusCode.BadRequest, "fingerprint");
        await ProblemAssert.IsProblemAsync(await Writer.PostAsync($"/api/problems/{fingerprint}/resolve", null), HttpStatusCode.BadRequest, "fingerprint");
        await ProblemAssert.IsProblemAsync(await Writer.PostAsync($"/api/problems/{fingerprint}/unresolve", null), HttpStatusCode.BadRequest, "fingerprint");
    }

    [Theory]
    [InlineData("""{"resolved_by":"robot"}""", "resolved_by")]
    [InlineData("""{"resolved_by":7}""", "resolved_by")]
    [InlineData("""{"note":false}""", "note")]
    [InlineData("[1]", "body")]
    public async Task ABadResolutionIsABadRequestNamingTheFieldAndResolvesNothing(string body, string field)
    {
        await PostAsync(new { event_type = "pb.kept", severity = "error", lead_id = "k" });

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/problems/lead:pb.kept/resolve", JsonContent.Of(body)), HttpStatusCode.BadRequest, field);

        Assert.Equal(1, Assert.Single(await GroupsAsync()).GetProperty("open_count").GetInt64());
    }

    [Fact]
    public async Task AnOverlongNoteIsABadRequestNamingItAndResolvesNothing()
    {
        await PostAsync(new { event_type = "pb.note", severity = "error", lead_id = "n" });
        var body = System.Text.Json.JsonSerializer.Serialize(new { resolved_by = "human", note = new string('n', 2001) });

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/problems/lead:pb.note/resolve", JsonContent.Of(body)), HttpStatusCode.BadRequest, "note");

        Assert.Equal(1, Assert.Single(await GroupsAsync()).GetProperty("open_count").GetInt64());
    }

    [Fact]
    public async Task AReadKeyMayListButNotResolve()
    {
        await PostAsync(new { event_type = "pb.role", severity = "error", lead_id = "r" });

        Assert.Single(await GroupsAsync());
        await ProblemAssert.IsProblemAsync(await Reader.PostAsync("/api/problems/lead:pb.role/resolve", null), HttpStatusCode.Forbidden);
    }

    private static List<string?> Fingerprints(List<System.Text.Json.JsonElement> groups) => [.. groups.Select(g => g.GetProperty("fingerprint").GetString())];
}
