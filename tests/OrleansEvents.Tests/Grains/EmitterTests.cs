using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Emit;
using OrleansEvents.Events;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>The typed emit helpers produce the events their documentation promises.</summary>
public sealed class EmitterTests : IAsyncLifetime
{
    private EventSilo? _silo;

    private EventEmitter Emitter => _silo!.Services.GetRequiredService<EventEmitter>();

    public async Task InitializeAsync() => _silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync("sqlite"));

    public async Task DisposeAsync() => await _silo!.DisposeAsync();

    [Fact]
    public async Task LevelHelpersWriteTheirSeverityToTheLeadStreamWithSnakeCasePayload()
    {
        var info = await Emitter.InfoAsync("whatsapp.message_sent", leadId: "123", payload: new { MessageId = "m-1", Attempt = 2 });
        var warn = await Emitter.WarnAsync("whatsapp.slow_delivery", leadId: "123");
        var error = await Emitter.ErrorAsync("scheduler.job_failed", payload: new { Job = "sync" }, tenantId: "acme");

        Assert.Equal((Severity.Info, "lead/123", "whatsapp"), (info.Event.Severity, info.Event.Stream.ToString(), info.Event.Category));
        Assert.Equal("m-1", info.Event.Context!.Value.GetProperty("message_id").GetString());
        Assert.Equal(Severity.Warning, warn.Event.Severity);
        Assert.Equal(("acme", "system/scheduler", Severity.Error), (error.Event.TenantId, error.Event.Stream.ToString(), error.Event.Severity));
        Assert.Equal("default", info.Event.TenantId);
    }

    [Fact]
    public async Task EmitNamesEveryCommonField()
    {
        var emitted = await Emitter.EmitAsync("device", Severity.Critical, "device.disconnected", "Phone went offline",
            deviceId: "dev-9", accountId: "acct-1", context: new { BatteryLevel = 3 });

        Assert.Equal(("device", "device/dev-9", "acct-1", "Phone went offline"),
            (emitted.Event.Category, emitted.Event.Stream.ToString(), emitted.Event.AccountId, emitted.Event.Message));
        Assert.Equal(3, emitted.Event.Context!.Value.GetProperty("battery_level").GetInt32());
    }

    [Fact]
    public async Task WorkflowHelpersWriteTheDocumentedTypesToTheWorkflowStream()
    {
        var workflow = Emitter.Workflow("wf-1");

        var events = new[]
        {
            await workflow.ProcessingStartedAsync(40),
            await workflow.StageStartedAsync("match", new { Model = "v2" }),
            await workflow.StageCompletedAsync("match", TimeSpan.FromMilliseconds(1500)),
            await workflow.ProgressAsync("item-7", WorkflowItemStatus.NoMatch, 0.42),
            await workflow.PausedAsync("rate limited"),
            await workflow.ResumedAsync("quota reset"),
        }.Select(a => a.Event).ToList();

        Assert.Equal(
            ["workflow.processing_started", "workflow.stage_started", "workflow.stage_completed", "workflow.progress", "workflow.paused", "workflow.resumed"],
            events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Equal("workflow/wf-1", e.Stream.ToString()));
        Assert.Equal(40, events[0].Context!.Value.GetProperty("total_items").GetInt32());
        Assert.Equal(1500, events[2].Context!.Value.GetProperty("duration_ms").GetDouble());
        Assert.Equal("no_match", events[3].Context!.Value.GetProperty("status").GetString());
        Assert.Equal(Severity.Warning, events[4].Severity);
    }

    [Theory]
    [InlineData(95, Severity.Critical)]
    [InlineData(80, Severity.Critical)]
    [InlineData(79.9, Severity.Error)]
    [InlineData(60, Severity.Error)]
    [InlineData(59, Severity.Warning)]
    [InlineData(0, Severity.Warning)]
    public async Task RiskAlertSeverityFollowsTheScore(double score, Severity expected)
    {
        var alert = await Emitter.Workflow("wf-risk").RiskAlertAsync(score, "unusual pattern");

        Assert.Equal(expected, alert.Event.Severity);
        Assert.Equal(score, alert.Event.Context!.Value.GetProperty("score").GetDouble());
    }

    [Fact]
    public async Task LongErrorTextsKeepTheirFirst200CharactersAndAMarker()
    {
        var details = new string('x', 500);

        var error = await Emitter.Workflow("wf-err").ErrorAsync("E_TIMEOUT", details);

        var kept = error.Event.Context!.Value.GetProperty("details").GetString()!;
        Assert.Equal(new string('x', 200) + WorkflowEvents.TruncationMarker, kept);
        Assert.Equal(Severity.Error, error.Event.Severity);
        Assert.StartsWith("E_TIMEOUT: ", error.Event.Message, StringComparison.Ordinal);
        Assert.Equal("short", WorkflowEvents.Truncate("short"));
    }
}
