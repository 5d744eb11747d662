using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Writes over HTTP (append, resolve, edit, delete) and stream reads, against both stores.</summary>
public abstract partial class GatewayCommandContract(GatewayFixture fixture)
{
    protected GatewayFixture Fixture { get; } = fixture;

    protected ApiTenant Tenant { get; } = fixture.NextTenant();

    protected HttpClient Writer => Fixture.Client(Tenant.WriteKey);

    protected HttpClient Admin => Fixture.Client(Tenant.AdminKey);

    [Fact]
    public async Task PostOfTheFirstCompatibilityExampleStoresTheEvent()
    {
        var response = await Writer.PostAsync("/api/events",
            JsonContent.Of("""{"event_type":"deployment","severity":"info","message":"Application deployed successfully"}"""));

        var stored = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.True(stored.GetProperty("id").GetInt64() > 0);
        Assert.Equal("system/deployment", stored.GetProperty("stream").GetString());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
        Assert.Equal($"/api/events/{stored.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PostOfTheSecondCompatibilityExampleWithoutContentTypeTakesDetailsAsContext()
    {
        // curl -d without -H sends application/x-www-form-urlencoded.
        var response = await Writer.PostAsync("/api/events", JsonContent.Of(
            """{"event_type":"deployment","severity":"warning","message":"Deployment completed with warnings","details":{"version":"1.0.0"},"source":"ci_cd_pipeline"}""",
            "application/x-www-form-urlencoded"));

        var stored = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("warning", stored.GetProperty("severity").GetString());
        Assert.Equal("1.0.0", stored.GetProperty("context").GetProperty("version").GetString());
        Assert.Equal("ci_cd_pipeline", stored.GetProperty("source").GetString());
    }

    [Fact]
    public async Task PostAcceptsLevelTypeAndPayloadAliasesAndNumericIds()
    {
        var response = await Writer.PostAsync("/api/events",
            JsonContent.Of("""{"type":"whatsapp.send_failed","level":"ERROR","payload":{"code":131},"lead_id":123,"unknown_extra":"ignored"}"""));

        var stored = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal("whatsapp.send_failed", stored.GetProperty("event_type").GetString());
        Assert.Equal("error", stored.GetProperty("severity").GetString());
        Assert.Equal(131, stored.GetProperty("context").GetProperty("code").GetInt32());
        Assert.Equal("lead/123", stored.GetProperty("stream").GetString());
        Assert.False(stored.TryGetProperty("unknown_extra", out _));
    }

    [Fact]
    public async Task PostOfAnArrayAnswersTheStoredEventsInOrder()
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"a.one","lead_id":"9"},{"event_type":"a.two","data":{"n":2},"lead_id":"9"},{"event_type":"a.three","session_id":"s9"}]"""));

        var stored = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(["a.one", "a.two", "a.three"], stored.EnumerateArray().Select(e => e.GetProperty("event_type").GetString()));
        Assert.Equal([1L, 2L, 1L], stored.EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task RepeatedEventIdAnswersOkWithTheStoredEvent()
    {
        const string body = """{"event_id":"once-only","event_type":"billing.charged","message":"first"}""";
        var first = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created);

        var again = await ProblemAssert.JsonAsync(
            await Writer.PostAsync("/api/events", JsonContent.Of(body.Replace("first", "second", StringComparison.Ordinal))), HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal("first", again.GetProperty("message").GetString());
    }

    [Fact]
    public async Task BatchWithBadEventsStoresNothingAndListsEachBadIndex()
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"ok.one","lead_id":"b1"},{"event_type":"Bad Type","lead_id":"b1"},{"event_type":"ok.two","severity":"fatal","lead_id":"b1"}]"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "[1].event_type");
        Assert.True(problem.GetProperty("errors").TryGetProperty("[2].severity", out _));
        var page = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/events?lead_id=b1"));
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task BatchWithWrongTypesAndBadValuesListsEveryBrokenRuleAtOnce()
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"ok.one","lead_id":"b2"},{"event_type":"ok.two","severity":"bogus","lead_id":"b2"},{"event_type":"Bad Type","lead_id":"b2"},{"event_type":"ok.three","timestamp":"yesterday","lead_id":"b2"},{"event_type":"ok.four","context":[1,2],"lead_id":"b2"},{"type":5,"lead_id":"b2"}]"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["[1].severity", "[2].event_type", "[3].timestamp", "[4].context", "[5].type"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name));
        var page = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/events?lead_id=b2"));
        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task OneEventWithAWrongTypeStillHearsOfItsBadValues()
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of(
            """{"event_type":"a","severity":"bogus","timestamp":"x","message":3}"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["message", "severity", "timestamp"],
            problem.GetProperty("errors").EnumerateObject().Select(error => error.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{"event_type":"x.y",""", "body")]
    [InlineData("""not json at all""", "body")]
    [InlineData("""42""", "body")]
    [InlineData("""[]""", "events")]
    [InlineData("""[1,2]""", "[0]")]
    [InlineData("""{"event_type":5}""", "event_type")]
    [InlineData("""{"event_type":"x.y","severity":3}""", "severity")]
    [InlineData("""{"event_type":"x.y","message":{"a":1}}""", "message")]
    [InlineData("""{"event_type":"x.y","lead_id":1.5}""", "lead_id")]
    [InlineData("""{"event_type":"x.y","timestamp":"yesterday"}""", "timestamp")]
    [InlineData("""{"event_type":"x.y","timestamp":"2026-02-01"}""", "timestamp")]
    [InlineData("""{"event_type":"x.y","context":[1,2]}""", "context")]
    [InlineData("""{"event_type":"x.y","details":"text"}""", "context")]
    [InlineData("""{"event_type":"x.y","context":{},"data":{}}""", "data")]
    [InlineData("""{"message":"no type"}""", "event_type")]
    [InlineData("""{"event_type":"UPPER.case"}""", "event_type")]
    [InlineData("""{"event_type":"x.y","severity":"loud"}""", "severity")]
    [InlineData("""{"event_type":"x.y","stream":"planet/earth"}""", "stream")]
    public async Task PostRejectsBadInputNamingTheField(string body, string field)
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task ABatchSentAgainSaysWhichEventsWereStoredBefore()
    {
        var first = $"dup-{Guid.NewGuid():N}";
        await Writer.PostAsync("/api/events", JsonContent.Of($$"""{"event_type":"x.y","event_id":"{{first}}"}"""));

        var answer = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of(
            $$"""[{"event_type":"x.y","event_id":"{{first}}"},{"event_type":"x.y","event_id":"{{first}}-new"}]""")), HttpStatusCode.Created);

        Assert.Equal([true, false], answer.EnumerateArray().Select(e => e.GetProperty("duplicate").GetBoolean()));
        Assert.Equal("duplicate", answer[0].EnumerateObject().Last().Name);
        Assert.Equal([first, first + "-new"], answer.EnumerateArray().Select(e => e.GetProperty("event_id").GetString()));
    }

    [Theory]
    [InlineData("context")]
    [InlineData("message")]
    public async Task TextThatIsNotUtf8IsABadRequestNamingTheField(string field)
    {
        byte[] notUtf8 = [0x78, 0xFF, 0x79];
        byte[] body = field == "context"
            ? [.. "{\"event_type\":\"x.y\",\"context\":{\"a\":\""u8, .. notUtf8, .. "\"}}"u8]
            : [.. "{\"event_type\":\"x.y\",\"message\":\""u8, .. notUtf8, .. "\"}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events", content), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task MalformedJsonIsReportedWithItsPositionOnce()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Writer.PostAsync("/api/events", JsonContent.Of("""{"event_type": x}""")), HttpStatusCode.BadRequest, "body");

        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("line 1, byte 16", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContextNestedAHundredLevelsIsAContextError()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        await ProblemAssert.IsProblemAsync(
            await Writer.PostAsync("/api/events", JsonContent.Of($$"""{"event_type":"x.y","context":{{deep}}}""")), HttpStatusCode.BadRequest, "context");
    }

    [Fact]
    public async Task PostRejectsContextNestedDeeperThanThirtyTwoLevels()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

        var response = await Writer.PostAsync("/api/events", JsonContent.Of($$"""{"event_type":"x.y","context":{{deep}}}"""));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "context");
    }

    [Fact]
    public async Task PostRejectsBodyNestedBeyondTheParserDepth()
    {
        var deep = string.Concat(Enumerable.Repeat("[", 1000)) + new string(']', 1000);

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events", JsonContent.Of(deep)), HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task PostRejectsMoreThanOneThousandEvents()
    {
        var body = "[" + string.Join(',', Enumerable.Repeat("""{"event_type":"x.y"}""", 1001)) + "]";

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.BadRequest, "events");
    }

    [Fact]
    public async Task PostRejectsBodyOverOneMebibyteWith413()
    {
        var body = $$"""{"event_type":"x.y","message":"{{new string('a', 1024 * 1024 + 10)}}"}""";

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.RequestEntityTooLarge, "body");
    }

    [Fact]
    public async Task PostRejectsChunkedBodyOverOneMebibyteWith413()
    {
        var content = new StreamContent(new MemoryStream(new byte[(1024 * 1024) + 100]));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/events") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        await ProblemAssert.IsProblemAsync(await Writer.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task PostRejectsXmlWith415()
    {
        var response = await Writer.PostAsync("/api/events", JsonContent.Of("<event/>", "application/xml"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task PostStoresSqlInjectionAndUnicodeVerbatim()
    {
        const string hostile = "'; DROP TABLE events; -- \" \\ 💥 ünï 中文 \u202e";
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["event_type"] = "security.probe",
            ["message"] = hostile,
            ["lead_id"] = hostile,
            ["context"] = new Dictionary<string, string> { [hostile] = hostile },
        });

        var stored = await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created);
        var fetched = await ProblemAssert.JsonAsync(await Writer.GetAsync($"/api/events/{stored.GetProperty("id").GetInt64()}"));

        Assert.Equal(hostile, fetched.GetProperty("message").GetString());
        Assert.Equal(hostile, fetched.GetProperty("lead_id").GetString());
        Assert.Equal(hostile, fetched.GetProperty("context").GetProperty(hostile).GetString());
    }

    [Fact]
    public async Task ResolveAndUnresolveChangeTheEvent()
    {
        var id = await AppendAsync("""{"event_type":"scheduler.job_failed","severity":"error"}""");

        var resolved = await ProblemAssert.JsonAsync(await Writer.PostAsync($"/api/events/{id}/resolve", JsonContent.Of("""{"resolved_by":"llm_agent","note":"retried"}""")));
        var reopened = await ProblemAssert.JsonAsync(await Writer.PostAsync($"/api/events/{id}/unresolve", null));

        Assert.True(resolved.GetProperty("resolved").GetBoolean());
        Assert.Equal("llm_agent", resolved.GetProperty("resolved_by").GetString());
        Assert.Equal("retried", resolved.GetProperty("resolution_note").GetString());
        Assert.False(reopened.GetProperty("resolved").GetBoolean());
    }

    [Fact]
    public async Task ResolveWithoutBodyAsInTheCompatibilityExampleResolvesAsHuman()
    {
        var id = await AppendAsync("""{"event_type":"scheduler.job_failed","severity":"error"}""");

        var resolved = await ProblemAssert.JsonAsync(await Writer.PostAsync($"/api/events/{id}/resolve", null));

        Assert.Equal("human", resolved.GetProperty("resolved_by").GetString());
    }

    [Fact]
    public async Task ResolveRejectsUnknownResolverAndAnswers404ForUnknownEvent()
    {
        var id = await AppendAsync("""{"event_type":"scheduler.job_failed","severity":"error"}""");

        await ProblemAssert.IsProblemAsync(await Writer.PostAsync($"/api/events/{id}/resolve", JsonContent.Of("""{"resolved_by":"robot"}""")), HttpStatusCode.BadRequest, "resolved_by");
        await ProblemAssert.IsProblemAsync(await Writer.PostAsync("/api/events/987654321/resolve", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutEditsTheGivenFields()
    {
        var id = await AppendAsync("""{"event_type":"device.offline","severity":"warning","message":"old","lead_id":"p1"}""");

        var updated = await ProblemAssert.JsonAsync(await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"severity":"critical","message":"new","context":{"k":1}}""")));

        Assert.Equal("critical", updated.GetProperty("severity").GetString());
        Assert.Equal("new", updated.GetProperty("message").GetString());
        Assert.Equal(1, updated.GetProperty("context").GetProperty("k").GetInt32());
        Assert.Equal("p1", updated.GetProperty("lead_id").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/events/abc")]
    [InlineData("PUT", "/api/events/12x")]
    [InlineData("DELETE", "/api/events/-")]
    [InlineData("POST", "/api/events/abc/resolve")]
    [InlineData("POST", "/api/events/abc/unresolve")]
    public async Task AnIdThatIsNotANumberIsABadRequestNamingId(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Of("""{"message":"x"}""") };

        await ProblemAssert.IsProblemAsync(await Admin.SendAsync(request), HttpStatusCode.BadRequest, "id");
    }

    [Fact]
    public async Task PutWithContextNullClearsTheContext()
    {
        var id = await AppendAsync("""{"event_type":"device.offline","context":{"port":3}}""");

        var updated = await ProblemAssert.JsonAsync(await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"context":null}""")));
        var read = await ProblemAssert.JsonAsync(await Admin.GetAsync($"/api/events/{id}"));

        Assert.False(updated.TryGetProperty("context", out var context) && context.ValueKind != JsonValueKind.Null);
        Assert.False(read.TryGetProperty("context", out context) && context.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task PutWithABadValueNamesOnlyThatField()
    {
        var id = await AppendAsync("""{"event_type":"device.offline"}""");

        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"severity":"bogus"}""")), HttpStatusCode.BadRequest, "severity");

        Assert.Equal(["severity"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task PutRefusesFieldsThatCannotBeEditedAndNeedsAdmin()
    {
        var id = await AppendAsync("""{"event_type":"device.offline"}""");

        await ProblemAssert.IsProblemAsync(await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"event_type":"other.type"}""")), HttpStatusCode.BadRequest, "event_type");
        await ProblemAssert.IsProblemAsync(await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"severity":"fatal"}""")), HttpStatusCode.BadRequest, "severity");
        await ProblemAssert.IsProblemAsync(await Writer.PutAsync($"/api/events/{id}", JsonContent.Of("""{"message":"x"}""")), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await Admin.PutAsync("/api/events/987654321", JsonContent.Of("""{"message":"x"}""")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteRemovesTheEventThenAnswers404()
    {
        var id = await AppendAsync("""{"event_type":"device.offline"}""");

        Assert.Equal(HttpStatusCode.Forbidden, (await Writer.DeleteAsync($"/api/events/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/events/{id}")).StatusCode);
        await ProblemAssert.IsProblemAsync(await Admin.DeleteAsync($"/api/events/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Admin.GetAsync($"/api/events/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task StreamEndpointsReadFromTheStreamGrain()
    {
        await Writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"lead.created","lead_id":"L1"},{"event_type":"whatsapp.send_failed","severity":"error","lead_id":"L1"},{"event_type":"lead.updated","lead_id":"L1"}]"""));

        var fromTwo = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/L1?from_version=2"));
        var unresolved = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/L1/unresolved"));
        var summary = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/L1/summary"));

        Assert.Equal([2L, 3L], fromTwo.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal(1, unresolved.GetProperty("total").GetInt64());
        Assert.Equal(1, unresolved.GetProperty("by_severity").GetProperty("error").GetInt64());
        Assert.Equal(3, summary.GetProperty("total").GetInt64());
        Assert.Equal(3, summary.GetProperty("version").GetInt64());
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/streams/lead/nobody"), HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/streams/planet/L1"), HttpStatusCode.BadRequest, "kind");
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/streams/lead/L1?from_version=0"), HttpStatusCode.BadRequest, "from_version");
    }

    [Fact]
    public async Task StreamUnresolvedTakesALimitAndNothingElse()
    {
        await Writer.PostAsync("/api/events", JsonContent.Of(
            """[{"event_type":"send.failed","severity":"error","lead_id":"L2"},{"event_type":"send.failed","severity":"error","lead_id":"L2"},{"event_type":"send.failed","severity":"warning","lead_id":"L2"}]"""));

        var two = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/L2/unresolved?limit=2"));

        Assert.Equal(3, two.GetProperty("total").GetInt64());
        Assert.Equal(2, two.GetProperty("newest").GetArrayLength());
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/streams/lead/L2/unresolved?limit=0"), HttpStatusCode.BadRequest, "limit");
        await ProblemAssert.IsProblemAsync(await Writer.GetAsync("/api/streams/lead/L2/unresolved?colour=red"), HttpStatusCode.BadRequest, "colour");
    }

    [Fact]
    public async Task AStreamWhoseKeyHasASlashIsReadWithTheSlashEncoded()
    {
        await Writer.PostAsync("/api/events", JsonContent.Of("""{"event_type":"lead.created","lead_id":"crm/42"}"""));

        var page = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/crm%2F42"));
        var summary = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/crm%2F42/summary"));

        Assert.Equal("lead/crm/42", page.GetProperty("stream").GetString());
        Assert.Equal(1, summary.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task AKeyHoldingAPercentSignIsReadAsItWasWritten()
    {
        await Writer.PostAsync("/api/events", JsonContent.Of("""[{"event_type":"a.b","lead_id":"crm%2F7"},{"event_type":"a.b","lead_id":"crm/7"},{"event_type":"a.b","lead_id":"crm/7"}]"""));

        var literal = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/crm%252F7/summary"));
        var slashed = await ProblemAssert.JsonAsync(await Writer.GetAsync("/api/streams/lead/crm%2F7/summary"));

        Assert.Equal(1, literal.GetProperty("total").GetInt64());
        Assert.Equal(2, slashed.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("GET", "/api/events/stats?foo=1")]
    [InlineData("GET", "/api/events/1?foo=1")]
    [InlineData("GET", "/api/streams/lead/L1/summary?foo=1")]
    [InlineData("POST", "/api/events/1/resolve?foo=1")]
    [InlineData("GET", "/api/me?foo=1")]
    public async Task EndpointsWithoutQueryParametersRefuseAnyNamingIt(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Of("""{"resolved_by":"human"}""");
        }

        await ProblemAssert.IsProblemAsync(await Admin.SendAsync(request), HttpStatusCode.BadRequest, "foo");
    }

    protected async Task<long> AppendAsync(string body) =>
        (await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events", JsonContent.Of(body)), HttpStatusCode.Created)).GetProperty("id").GetInt64();
}
