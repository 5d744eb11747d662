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
        Assert.Equal("#/components/schemas/StoredEvent", one.GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/StoredEvent", many.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Superset(new HashSet<string> { "id", "event_id", "stream", "version", "position" }, Required(Schema(document, "StoredEvent")));
    }

    [Fact]
    public async Task RealAppendAnswersCarryTheDocumentedMembers()
    {
        var tenant = fixture.NextTenant();
        var stored = Schema(await DocumentAsync(), "StoredEvent");
        var members = stored.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        const string Event = """{"event_type":"openapi.answer","event_id":"openapi-answer-1"}""";

        var created = await ProblemAssert.JsonAsync(await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of(Event)), HttpStatusCode.Created);
        var repeated = await ProblemAssert.JsonAsync(await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of($"[{Event}]")), HttpStatusCode.OK);

        foreach (var answer in new[] { created, Assert.Single(repeated.EnumerateArray()) })
        {
            var sent = answer.EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.Equal(members, sent);
        }
    }
}
