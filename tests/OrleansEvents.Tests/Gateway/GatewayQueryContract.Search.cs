using System.Net;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>q over message, event type and context, and context.&lt;key&gt;=&lt;value&gt;, through GET /api/events.</summary>
public abstract partial class GatewayQueryContract
{
    [Fact]
    public async Task SearchOverHttpFindsContextTextAndEventTypeFragments()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("whatsapp.send_failed", message: "by type"),
            TestEvents.New("device.offline", message: "by context", contextJson: """{"customer":{"name":"Grace 50%_off"}}"""),
            TestEvents.New("device.offline", message: "neither"),
        ]);

        var byType = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?q=SEND_FAIL"));
        var byContext = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?q=" + Uri.EscapeDataString("grace 50%_")));
        var wildcard = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?q=" + Uri.EscapeDataString("grace 50__")));

        Assert.Equal(["by type"], Messages(byType));
        Assert.Equal(["by context"], Messages(byContext));
        Assert.Empty(Messages(wildcard));
    }

    [Fact]
    public async Task SearchOverHttpFiltersOnContextValues()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New(message: "number", contextJson: """{"attempt":3,"gateway":"twilio","user id":"ü&="}"""),
            TestEvents.New(message: "string", contextJson: """{"attempt":"3","gateway":"meta"}"""),
            TestEvents.New(message: "other", contextJson: """{"attempt":4,"gateway":"twilio"}"""),
        ]);

        var attempt = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?context.attempt=3&order=asc"));
        var both = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?context.attempt=3&context.gateway=twilio"));
        var encoded = await ProblemAssert.JsonAsync(await Reader.GetAsync(
            $"/api/events?{Uri.EscapeDataString("context.user id")}={Uri.EscapeDataString("ü&=")}"));
        var empty = await ProblemAssert.JsonAsync(await Reader.GetAsync("/api/events?context.attempt=&order=asc"));

        Assert.Equal(["number", "string"], Messages(attempt));
        Assert.Equal(["number"], Messages(both));
        Assert.Equal(["number"], Messages(encoded));
        Assert.Equal(["number", "string", "other"], Messages(empty));
    }

    public static TheoryData<string, string> BadContextParameters => new()
    {
        { "context.=x", "context" },
        { "context.=", "context" },
        { "context." + new string('k', 101) + "=x", "context" },
        { "context.a%01b=x", "context" },
        { "context.a%0Ab=x", "context" },
        { "context.a%C2%85b=x", "context" },
        { string.Join('&', Enumerable.Range(0, 11).Select(i => $"context.k{i}=v")), "context" },
        { "context.k=" + new string('v', 201), "context.k" },
        { "context.k=a%0Ab", "context.k" },
        { "context.k=a%7F", "context.k" },
        { "context.k=1&context.k=2", "context.k" },
        { "context=x", "context" },
        { "contexts.k=x", "contexts.k" },
    };

    [Theory]
    [MemberData(nameof(BadContextParameters))]
    public async Task SearchRejectsBadContextParametersNamingTheField(string query, string field)
    {
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/events?" + query), HttpStatusCode.BadRequest, field);
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/events/export?" + query), HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task SearchTakesTheMostContextParametersAndLongestKeyAndValue()
    {
        var key = new string('k', 100);
        var value = new string('v', 200);
        await Fixture.Log.AppendAsync(Tenant.Id, [TestEvents.New(message: "long", contextJson: $$"""{"{{key}}":"{{value}}","k1":"v"}""")]);

        var longest = await ProblemAssert.JsonAsync(await Reader.GetAsync($"/api/events?context.{key}={value}"));
        var most = await ProblemAssert.JsonAsync(await Reader.GetAsync(
            "/api/events?" + string.Join('&', Enumerable.Range(0, 10).Select(i => $"context.k{i}=v"))));

        Assert.Equal(["long"], Messages(longest));
        Assert.Empty(Messages(most));
    }
}
