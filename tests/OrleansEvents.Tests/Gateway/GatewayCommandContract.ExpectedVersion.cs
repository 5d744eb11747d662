using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>POST /api/streams/{kind}/{key}/events: an append only at the version the writer expects.</summary>
public abstract partial class GatewayCommandContract
{
    [Fact]
    public async Task AppendAtTheExpectedVersionIs201AndAtAnyOtherIs409WithTheVersions()
    {
        var key = Guid.NewGuid().ToString("N");

        var first = await Writer.PostAsync($"/api/streams/lead/{key}/events", JsonContent.Of("""{"event_type":"order.placed","expected_version":0}"""));
        var stored = await ProblemAssert.JsonAsync(first, HttpStatusCode.Created);
        var stale = await Writer.PostAsync($"/api/streams/lead/{key}/events", JsonContent.Of("""{"event_type":"order.placed","expected_version":0}"""));

        Assert.Equal($"lead/{key}", stored.GetProperty("stream").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.Equal("\"1\"", first.Headers.ETag?.Tag);
        var conflict = await ProblemAssert.IsProblemAsync(stale, HttpStatusCode.Conflict);
        Assert.Equal($"lead/{key}", conflict.GetProperty("stream").GetString());
        Assert.Equal(0, conflict.GetProperty("expected_version").GetInt64());
        Assert.Equal(1, conflict.GetProperty("actual_version").GetInt64());
        Assert.Equal(1, (await StreamAsync("lead", key)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task IfMatchCarriesTheExpectedVersionForABatchAndTheStreamsETagFeedsIt()
    {
        var key = Guid.NewGuid().ToString("N");
        await Writer.PostAsync($"/api/streams/device/{key}/events", JsonContent.Of("""[{"event_type":"device.seen"},{"event_type":"device.seen"}]"""));
        var read = await Writer.GetAsync($"/api/streams/device/{key}");
        var etag = read.Headers.ETag!.Tag;

        var next = await SendAsync($"/api/streams/device/{key}/events", """[{"event_type":"device.lost"},{"event_type":"device.found"}]""", etag);
        var again = await SendAsync($"/api/streams/device/{key}/events", """[{"event_type":"device.lost"}]""", etag);

        Assert.Equal("\"2\"", etag);
        Assert.Equal([3L, 4L], (await ProblemAssert.JsonAsync(next, HttpStatusCode.Created)).EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
        var conflict = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(2, conflict.GetProperty("expected_version").GetInt64());
        Assert.Equal(4, conflict.GetProperty("actual_version").GetInt64());
        Assert.Equal(4, (await StreamAsync("device", key)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task AnAppendWithoutExpectedVersionGoesToTheUrlsStreamWhateverItsIds()
    {
        var key = Guid.NewGuid().ToString("N");

        var stored = await ProblemAssert.JsonAsync(
            await Writer.PostAsync($"/api/streams/workflow/{key}/events", JsonContent.Of("""{"event_type":"wf.step","lead_id":"elsewhere"}""")), HttpStatusCode.Created);

        Assert.Equal($"workflow/{key}", stored.GetProperty("stream").GetString());
        Assert.Equal("elsewhere", stored.GetProperty("lead_id").GetString());
    }

    [Theory]
    [InlineData("""{"event_type":"x.y","expected_version":-1}""", null, "expected_version")]
    [InlineData("""{"event_type":"x.y","expected_version":1.5}""", null, "expected_version")]
    [InlineData("""{"event_type":"x.y","expected_version":"1"}""", null, "expected_version")]
    [InlineData("""{"event_type":"x.y","expected_version":1e400}""", null, "expected_version")]
    [InlineData("""{"event_type":"x.y","expected_version":1}""", "\"2\"", "expected_version")]
    [InlineData("""{"event_type":"x.y"}""", "*", "If-Match")]
    [InlineData("""{"event_type":"x.y"}""", "W/\"1\"", "If-Match")]
    [InlineData("""{"event_type":"x.y"}""", "\"-1\"", "If-Match")]
    [InlineData("""{"event_type":"x.y"}""", "1", "If-Match")]
    [InlineData("""{"event_type":"x.y"}""", "\"1\", \"2\"", "If-Match")]
    [InlineData("""{"event_type":"x.y"}""", "\"99999999999999999999\"", "If-Match")]
    [InlineData("""[{"event_type":"x.y","expected_version":0}]""", null, "[0].expected_version")]
    [InlineData("""{"event_type":"x.y","stream":"lead/other"}""", null, "stream")]
    [InlineData("""[{"event_type":"x.y"},{"event_type":"x.y","stream":"session/other"}]""", null, "[1].stream")]
    [InlineData("""{"event_type":"x.y\n","expected_version":0}""", null, "event_type")]
    public async Task ABadExpectationIsA400NamingItAndStoresNothing(string body, string? ifMatch, string field)
    {
        var key = Guid.NewGuid().ToString("N");

        await ProblemAssert.IsProblemAsync(await SendAsync($"/api/streams/lead/{key}/events", body, ifMatch), HttpStatusCode.BadRequest, field);

        await ProblemAssert.IsProblemAsync(await Writer.GetAsync($"/api/streams/lead/{key}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ExpectedVersionOnTheGeneralAppendIsRefusedRatherThanIgnored()
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of("""{"event_type":"x.y","lead_id":"unconditional","expected_version":7}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "expected_version");
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Of(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Writer.SendAsync(request);
    }

    private async Task<JsonElement> StreamAsync(string kind, string key) =>
        await ProblemAssert.JsonAsync(await Writer.GetAsync($"/api/streams/{kind}/{key}"));
}
