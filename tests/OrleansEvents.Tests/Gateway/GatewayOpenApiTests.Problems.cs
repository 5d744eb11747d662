using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Problem answers: the shape the gateway really writes, listed where they can happen.</summary>
public sealed partial class GatewayOpenApiTests
{
    private static readonly string[] ProblemMembers =
        ["type", "title", "status", "detail", "errors", "field", "limit", "required_role", "stream", "expected_version", "actual_version", "trace_id"];

    [Fact]
    public async Task ProblemSchemaHasTheMembersTheGatewayWrites()
    {
        var document = await DocumentAsync();
        var problem = Schema(document, "ProblemBody");

        Assert.Equal(ProblemMembers.ToHashSet(), problem.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet());
        Assert.Equal(["status", "title", "trace_id"], Required(problem).Order());
        var errors = problem.GetProperty("properties").GetProperty("errors");
        Assert.Equal("array", errors.GetProperty("additionalProperties").GetProperty("type").GetString());
        Assert.False(document.GetProperty("components").GetProperty("schemas").TryGetProperty("HttpValidationProblemDetails", out _));
    }

    [Fact]
    public async Task EveryErrorResponseIsAProblemJsonOfTheProblemSchema()
    {
        var document = await DocumentAsync();

        foreach (var (path, method, _) in ApiOperations)
        {
            foreach (var response in Operation(document, path, method).GetProperty("responses").EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var content = response.Value.GetProperty("content");
                Assert.True(content.TryGetProperty("application/problem+json", out var media), $"{method} {path} {response.Name} is not application/problem+json");
                Assert.Equal("#/components/schemas/ProblemBody", media.GetProperty("schema").GetProperty("$ref").GetString());
            }
        }
    }

    [Fact]
    public async Task EveryOperationListsTheProblemsItCanAnswer()
    {
        var document = await DocumentAsync();
        string[] withId = ["/api/events/{id}", "/api/events/{id}/resolve", "/api/events/{id}/unresolve", "/api/streams/{kind}/{key}", "/api/streams/{kind}/{key}/unresolved", "/api/streams/{kind}/{key}/summary"];
        string[] withBody = ["post /api/events", "put /api/events/{id}", "post /api/events/{id}/resolve", "post /api/events/replay", "post /api/admin/retention/run", "post /api/streams/{kind}/{key}/events"];

        foreach (var (path, method, role) in ApiOperations)
        {
            var responses = Operation(document, path, method).GetProperty("responses");
            bool Lists(string status) => responses.TryGetProperty(status, out _);
            foreach (var status in new[] { "400", "401", "413", "429" })
            {
                Assert.True(Lists(status), $"{method} {path} does not document {status}");
            }

            Assert.True(Lists("403") == (role != "read"), $"{method} {path} (role {role}) documents 403: {Lists("403")}");
            Assert.True(Lists("404") == withId.Contains(path), $"{method} {path} documents 404: {Lists("404")}");
            Assert.True(Lists("415") == withBody.Contains($"{method} {path}"), $"{method} {path} documents 415: {Lists("415")}");
            Assert.True(Lists("409") == (path == "/api/streams/{kind}/{key}/events"), $"{method} {path} documents 409: {Lists("409")}");
        }

        Assert.True(Operation(document, "/api/events", "get").GetProperty("responses").GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _));
    }

    [Fact]
    public async Task RealProblemsCarryOnlyDocumentedMembersAndAlwaysTheRequiredOnes()
    {
        var tenant = fixture.NextTenant();
        var required = Required(Schema(await DocumentAsync(), "ProblemBody"));
        var answers = new[]
        {
            await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of("""[{"severity":"loud"}]""")),
            await fixture.Client().GetAsync("/api/events"),
            await fixture.Client(tenant.ReadKey).DeleteAsync("/api/events/1"),
            await fixture.Client(tenant.ReadKey).GetAsync("/api/events/999999999"),
            await fixture.Client(tenant.ReadKey).GetAsync("/api/no-such-endpoint"),
            await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of("<event/>", "application/xml")),
            await fixture.Client(tenant.WriteKey).PostAsync("/api/events", JsonContent.Of(new string(' ', 2 * 1024 * 1024))),
        };

        foreach (var answer in answers)
        {
            var problem = await ProblemAssert.IsProblemAsync(answer, answer.StatusCode);
            var members = problem.EnumerateObject().Select(p => p.Name).ToHashSet();
            Assert.True(members.IsSubsetOf(ProblemMembers), $"{(int)answer.StatusCode} carries undocumented members: {string.Join(", ", members.Except(ProblemMembers))}");
            Assert.True(required.IsSubsetOf(members), $"{(int)answer.StatusCode} lacks required members: {string.Join(", ", required.Except(members))}");
        }

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound,
             HttpStatusCode.UnsupportedMediaType, HttpStatusCode.RequestEntityTooLarge],
            answers.Select(a => a.StatusCode));
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);
}
