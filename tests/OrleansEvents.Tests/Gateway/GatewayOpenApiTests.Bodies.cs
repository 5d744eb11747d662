using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Request bodies: required only what the gateway refuses to go without.</summary>
public sealed partial class GatewayOpenApiTests
{
    [Fact]
    public async Task AppendBodyIsOneEventOrAnArrayOfUpToAThousand()
    {
        var body = RequestSchema(await DocumentAsync(), "/api/events", "post");

        var (one, many) = (body.GetProperty("oneOf")[0], body.GetProperty("oneOf")[1]);
        Assert.Equal(2, body.GetProperty("oneOf").GetArrayLength());
        Assert.Equal("#/components/schemas/NewEventBody", one.GetProperty("$ref").GetString());
        Assert.Equal("array", many.GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/NewEventBody", many.GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal(1, many.GetProperty("minItems").GetInt32());
        Assert.Equal(1000, many.GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public async Task StreamAppendBodyIsOneEventWithAnExpectedVersionOrAnArrayOfEventsAndNamesIfMatch()
    {
        var document = await DocumentAsync();
        var body = RequestSchema(document, "/api/streams/{kind}/{key}/events", "post");
        var operation = document.GetProperty("paths").GetProperty("/api/streams/{kind}/{key}/events").GetProperty("post");

        Assert.Equal("#/components/schemas/StreamEventBody", body.GetProperty("oneOf")[0].GetProperty("$ref").GetString());
        Assert.Equal("#/components/schemas/NewEventBody", body.GetProperty("oneOf")[1].GetProperty("items").GetProperty("$ref").GetString());
        var type = Schema(document, "StreamEventBody").GetProperty("properties").GetProperty("expected_version").GetProperty("type");
        Assert.Equal(["integer"], type.ValueKind == JsonValueKind.String ? [type.GetString()!] : Names(type).Where(t => t != "null").ToList());
        Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match" && p.GetProperty("in").GetString() == "header");
    }

    [Fact]
    public async Task AppendBodyRequiresExactlyWhatTheValidatorRefusesToGoWithout()
    {
        var tenant = fixture.NextTenant();
        var documented = Required(Schema(await DocumentAsync(), "NewEventBody"));

        var empty = await ProblemAssert.IsProblemAsync(await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of("{}")), HttpStatusCode.BadRequest);
        var refused = empty.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToHashSet();
        var bare = await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of("""{"event_type":"openapi.bare"}"""));

        Assert.Equal(["event_type"], documented);
        Assert.Equal(documented, refused);
        Assert.Equal(HttpStatusCode.Created, bare.StatusCode);
    }

    [Theory]
    [InlineData("/api/events/{id}", "put")]
    [InlineData("/api/events/{id}/resolve", "post")]
    [InlineData("/api/events/replay", "post")]
    [InlineData("/api/admin/retention/run", "post")]
    public async Task BodiesWithoutARequiredFieldRequireNone(string path, string method)
    {
        var body = RequestSchema(await DocumentAsync(), path, method);

        Assert.Empty(Required(body));
        Assert.NotEmpty(body.GetProperty("properties").EnumerateObject());
    }

    [Fact]
    public async Task NumbersAreDocumentedAsJsonNumbersAsTheReadersTakeThem()
    {
        var tenant = fixture.NextTenant();
        var document = await DocumentAsync();

        var numberTexts = Descendants(document).Where(e => e.TryGetProperty("type", out var type) && Names(type).Contains("string")
            && (Names(type).Contains("integer") || Names(type).Contains("number"))).ToList();
        var quoted = await fixture.Client(tenant.AdminKey).PostAsync("/api/events/replay", JsonContent.Of("""{"event_type":"x.y","max":"5"}"""));

        Assert.Empty(numberTexts);
        await ProblemAssert.IsProblemAsync(quoted, HttpStatusCode.BadRequest, "max");
    }

    private static IEnumerable<JsonElement> Descendants(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Descendants(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Descendants),
        _ => [],
    };

    private static JsonElement RequestSchema(JsonElement document, string path, string method) =>
        Operation(document, path, method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
}
