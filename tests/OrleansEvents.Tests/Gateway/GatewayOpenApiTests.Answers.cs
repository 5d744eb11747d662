using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Success answers: documented with the members the gateway really sends.</summary>
public sealed partial class GatewayOpenApiTests
{
    [Theory]
    [InlineData("201")]
    [InlineData("200")]
    public async Task AppendAnswersAreTheStoredEventOrEvents(string status)
    {
        var document = await DocumentAsync();
        var answer = Operation(document, "/api/events", "post").GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema");

        var (one, many) = (answer.GetProperty("oneOf")[0], answer.GetProperty("oneOf")[1]);
        Assert.Equal("#/components/schemas/AppendedEventResponse", one.GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/AppendedEventResponse", many.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Superset(new HashSet<string> { "id", "event_id", "stream", "version", "position" }, Required(Schema(document, "AppendedEventResponse")));
    }

    [Fact]
    public async Task RealAppendAnswersCarryTheDocumentedMembers()
    {
        var tenant = fixture.NextTenant();
        var stored = Schema(await DocumentAsync(), "AppendedEventResponse");
        var members = stored.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Contains("duplicate", members);
        const string Event = """{"event_type":"openapi.answer","event_id":"openapi-answer-1"}""";

        var created = await ProblemAssert.JsonAsync(await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of(Event)), HttpStatusCode.Created);
        var repeated = await ProblemAssert.JsonAsync(await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of($"[{Event}]")), HttpStatusCode.OK);

        foreach (var answer in new[] { created, Assert.Single(repeated.EnumerateArray()) })
        {
            var sent = answer.EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Equal(members, sent);
        }
    }

    [Fact]
    public async Task ReplayAnswerRequiresOnlyWhatDryAndRealRunsBothCarry()
    {
        var tenant = fixture.NextTenant();
        var replay = Schema(await DocumentAsync(), "ReplayResponse");
        using var admin = fixture.Client(tenant.AdminKey);

        var dry = await ProblemAssert.JsonAsync(await admin.PostAsync("/api/events/replay", JsonContent.Of("""{"event_type":"openapi.replay"}""")));
        var real = await ProblemAssert.JsonAsync(await admin.PostAsync("/api/events/replay", JsonContent.Of("""{"event_type":"openapi.replay","dry_run":false}""")));

        Assert.Equal(["dry_run", "events_found", "events_replayed"], Required(replay).Order());
        Assert.True(dry.GetProperty("dry_run").GetBoolean());
        Assert.False(real.GetProperty("dry_run").GetBoolean());
        Assert.All(new[] { dry, real }, answer => Assert.Subset(answer.EnumerateObject().Select(p => p.Name).ToHashSet(), Required(replay)));
    }

    [Fact]
    public async Task EventPageDoesNotRequireTheTotalItOnlySendsOnRequest()
    {
        var tenant = fixture.NextTenant();
        var page = Schema(await DocumentAsync(), "EventPageResponse");

        var answer = await ProblemAssert.JsonAsync(await fixture.Client(tenant.ReadKey).GetAsync("/api/events"));

        Assert.False(answer.TryGetProperty("total", out _));
        Assert.Subset(answer.EnumerateObject().Select(p => p.Name).ToHashSet(), Required(page));
        Assert.True(page.GetProperty("properties").TryGetProperty("total", out _));
    }

    [Fact]
    public async Task StreamsAndLogPositionsAreDocumentedAsTheTextTheyAreWrittenAs()
    {
        var tenant = fixture.NextTenant();
        var document = await DocumentAsync();
        var stored = await ProblemAssert.JsonAsync(
            await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of("""{"event_type":"openapi.text","lead_id":42}""")), HttpStatusCode.Created);

        foreach (var (schema, member) in new[] { ("StreamId", "stream"), ("LogPosition", "position") })
        {
            var text = Schema(document, schema);
            Assert.Equal("string", text.GetProperty("type").GetString());
            Assert.Matches(text.GetProperty("pattern").GetString()!, stored.GetProperty(member).GetString());
        }
    }

    [Fact]
    public async Task StreamedAnswersNameTheMediaTypesTheyAreSentAs()
    {
        var tenant = fixture.NextTenant();
        var document = await DocumentAsync();
        var export = Operation(document, "/api/events/export", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        var live = Operation(document, "/api/logs/stream", "get").GetProperty("responses").GetProperty("200").GetProperty("content");
        using var reader = fixture.Client(tenant.ReadKey);

        foreach (var format in new[] { "ndjson", "csv" })
        {
            var answer = await reader.GetAsync($"/api/events/export?format={format}");
            Assert.True(export.TryGetProperty(answer.Content.Headers.ContentType!.MediaType!, out _), $"export as {format} is sent as an undocumented {answer.Content.Headers.ContentType}");
        }

        Assert.Equal(["application/x-ndjson", "text/csv"], export.EnumerateObject().Select(m => m.Name).Order());
        Assert.Equal(["text/event-stream"], live.EnumerateObject().Select(m => m.Name));
    }
}
