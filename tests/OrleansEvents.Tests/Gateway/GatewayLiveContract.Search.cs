using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Live subscribers filter by q and context.&lt;key&gt;=&lt;value&gt; as queries do.</summary>
public abstract partial class GatewayLiveContract
{
    [Fact]
    public async Task SearchFiltersTheSseFeedByContextTextAndValue()
    {
        await using var sse = await SseClient.OpenAsync(Fixture.Host.BaseAddress, Tenant.ReadKey, "/api/logs/stream?q=GRACE&context.attempt=3");

        await PostAsync("""
            [{"event_type":"s.no_text","context":{"attempt":3}},
             {"event_type":"s.wrong_attempt","context":{"attempt":4,"who":"grace"}},
             {"event_type":"s.wanted","context":{"attempt":"3","who":{"name":"Grace"}}}]
            """);
        var received = await sse.NextEventAsync(Wait);

        Assert.Equal("s.wanted", JsonDocument.Parse(received.Data).RootElement.GetProperty("event_type").GetString());
    }

    [Fact]
    public async Task SearchFiltersTheHubFeedByANestedContextObject()
    {
        await using var hub = await SignalRJsonClient.ConnectAsync(Fixture.Host.BaseAddress, Tenant.ReadKey);
        await hub.InvokeAsync("SubscribeAsync", new { q = "app.send", context = new { attempt = 3, gateway = "twilio" } }, null);

        await PostAsync("""
            [{"event_type":"whatsapp.send_failed","context":{"attempt":3,"gateway":"meta"}},
             {"event_type":"device.offline","context":{"attempt":3,"gateway":"twilio"}},
             {"event_type":"whatsapp.send_failed","message":"wanted","context":{"attempt":3.0,"gateway":"twilio"}}]
            """);
        var (target, argument) = await hub.NextAsync(Wait);

        Assert.Equal("event", target);
        Assert.Equal("wanted", argument.GetProperty("message").GetString());
    }
}
