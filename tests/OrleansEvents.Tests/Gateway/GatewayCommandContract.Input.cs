using System.Net;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>The strict rules on text: values .NET's $ would let through, control characters, spaces around enum names.</summary>
public abstract partial class GatewayCommandContract
{
    [Theory]
    [InlineData("""{"event_type":"ab\n","message":"m"}""", "event_type")]
    [InlineData("""{"event_type":"a.b\n"}""", "event_type")]
    [InlineData("""{"event_type":"a.b","category":"abc\n"}""", "category")]
    [InlineData("""{"event_type":"a.b","category":"\n"}""", "category")]
    [InlineData("""{"event_type":"a.b","timestamp":"2026-03-01T12:00:00Z\n"}""", "timestamp")]
    [InlineData("""{"event_type":"a.b","timestamp":"２０２６-03-01T12:00:00Z"}""", "timestamp")]
    [InlineData("""{"event_type":"a.b","severity":" error"}""", "severity")]
    [InlineData("""{"event_type":"a.b","severity":"error "}""", "severity")]
    [InlineData("""{"event_type":"a.b","level":"WARN\n"}""", "severity")]
    [InlineData("""{"event_type":"a.b","account_id":"acct\u0007"}""", "account_id")]
    [InlineData("""{"event_type":"a.b","account_id":"acct\n"}""", "account_id")]
    [InlineData("""{"event_type":"a.b","lead_id":"\n"}""", "lead_id")]
    [InlineData("""{"event_type":"a.b","event_id":"id\u0085"}""", "event_id")]
    [InlineData("""{"event_type":"a.b","source":"backend\t"}""", "source")]
    [InlineData("""{"event_type":"a.b","stream":"lead/42\n"}""", "stream")]
    [InlineData("""{"event_type":"a.b","message":"\ud800"}""", "message")]
    [InlineData("""{"event_type":"a.b","context":{"n":1e400}}""", "context")]
    public async Task TextThatOnlyLooksValidIsA400NamingTheFieldAndNothingIsStored(string body, string field)
    {
        var marker = Guid.NewGuid().ToString("N");
        var batch = $$"""[{"event_type":"input.valid","workflow_id":"{{marker}}"},{{body}}]""";

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.BadRequest, field);
        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events", JsonContent.Of(batch)), HttpStatusCode.BadRequest, $"[1].{field}");

        var page = await ProblemAssert.JsonAsync(await Writer.GetAsync($"/api/events?workflow_id={marker}"));
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task MessagesAndContextKeepTabsAndNewlinesAsSent()
    {
        var stored = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events",
            JsonContent.Of("""{"event_type":"input.multiline","message":"line 1\n\tline 2\r\n","context":{"trace":"a\nb"}}""")), HttpStatusCode.Created);

        Assert.Equal("line 1\n\tline 2\r\n", stored.GetProperty("message").GetString());
        Assert.Equal("a\nb", stored.GetProperty("context").GetProperty("trace").GetString());
    }

    [Theory]
    [InlineData("""{"resolved_by":" human"}""")]
    [InlineData("""{"resolved_by":"human\n"}""")]
    [InlineData("""{"resolved_by":"\ud800"}""")]
    public async Task ResolvedByWithAnythingAroundItIsA400(string body)
    {
        var id = (await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of("""{"event_type":"input.resolve","severity":"error"}""")), HttpStatusCode.Created))
            .GetProperty("id").GetInt64();

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync($"/api/events/{id}/resolve", JsonContent.Of(body)), HttpStatusCode.BadRequest, "resolved_by");
        Assert.False((await ProblemAssert.JsonAsync(await Writer.GetAsync($"/api/events/{id}"))).GetProperty("resolved").GetBoolean());
    }

    [Theory]
    [InlineData("severity=error,%20critical", "severity")]
    [InlineData("min_severity=warning%20", "min_severity")]
    [InlineData("order=%20asc", "order")]
    [InlineData("resolved_by=auto%0A", "resolved_by")]
    [InlineData("account_id=a%0A", "account_id")]
    [InlineData("category=abc%0A", "category")]
    [InlineData("limit=10%00", "limit")]
    [InlineData("after_id=%2012", "after_id")]
    public async Task QueryValuesWithAnythingAroundThemAreA400NamingTheParameter(string query, string field)
    {
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/events?" + query), HttpStatusCode.BadRequest, field);
    }

    [Theory]
    [InlineData("from_version=1%00", "from_version")]
    [InlineData("limit=%205", "limit")]
    public async Task StreamReadParametersAreWholeNumbersOnly(string query, string field)
    {
        await Writer.PostAsync("/api/events", JsonContent.Of("""{"event_type":"input.read","lead_id":"strict-read"}"""));

        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/streams/lead/strict-read?" + query), HttpStatusCode.BadRequest, field);
    }
}
