using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Emit;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary>Every helper, sent over HTTP to a real silo, stores the event the helpers document.</summary>
[Collection(SharedSiloCollection.Name)]
public sealed class HelperEventTests(LoopbackSilo silo) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private ClientHost? _client;

    private ClientHost Client => _client!;

    public async Task InitializeAsync() => _client = await ClientHost.StartAsync(silo.Endpoint,
        o =>
        {
            o.ThrowOnFailure = true;
            o.BatchDelay = TimeSpan.Zero;
            o.Source = "client-tests";
        },
        host => host.Services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync() => await _client!.DisposeAsync();

    [Fact]
    public async Task LevelHelpersStoreTheirSeverityOnTheLeadStreamWithASnakeCasePayload()
    {
        var lead = $"lead-{Guid.NewGuid():N}";

        await Client.Recorder.InfoAsync("whatsapp.message_sent", lead, new { MessageId = "m-1", Attempt = 2 });
        await Client.Recorder.WarnAsync("whatsapp.slow_delivery", lead);
        await Client.Recorder.ErrorAsync("whatsapp.send_failed", lead);

        var stored = await Client.Reader.AllAsync(new EventFilter { LeadId = lead });
        Assert.Equal([Severity.Info, Severity.Warning, Severity.Error], stored.Select(e => e.Severity));
        Assert.All(stored, e => Assert.Equal(($"lead/{lead}", "whatsapp", e.EventType, "client-tests"), (e.Stream.ToString(), e.Category, e.Message, e.Source)));
        Assert.Equal("m-1", stored[0].Context!.Value.GetProperty("message_id").GetString());
        Assert.Equal(_clock.GetUtcNow(), stored[0].Timestamp);
    }

    [Fact]
    public async Task EmitNamesEveryCommonField()
    {
        var device = $"dev-{Guid.NewGuid():N}";

        await Client.Recorder.EmitAsync("device", Severity.Critical, "device.disconnected", "Phone went offline", device, "acct-1", new { BatteryLevel = 3 });

        var stored = Assert.Single(await Client.Reader.AllAsync(new EventFilter { DeviceId = device }));
        Assert.Equal(("device", Severity.Critical, $"device/{device}", "acct-1", "Phone went offline"),
            (stored.Category, stored.Severity, stored.Stream.ToString(), stored.AccountId, stored.Message));
        Assert.Equal(3, stored.Context!.Value.GetProperty("battery_level").GetInt32());
    }

    [Fact]
    public async Task WorkflowHelpersStoreTheDocumentedTypesAndMeasureTheStage()
    {
        var workflow = Client.Recorder.Workflow($"wf-{Guid.NewGuid():N}");

        await workflow.ProcessingStartedAsync(40);
        await workflow.StageStartedAsync("match", new { Model = "v2" });
        _clock.Advance(TimeSpan.FromMilliseconds(1500));
        await workflow.StageCompletedAsync("match");
        await workflow.ProgressAsync("item-7", WorkflowItemStatus.NoMatch, 0.42);
        await workflow.PausedAsync("rate limited");
        await workflow.ResumedAsync("quota reset");

        var stored = await Client.Reader.AllAsync(new EventFilter { WorkflowId = workflow.WorkflowId });
        Assert.Equal(
            ["workflow.processing_started", "workflow.stage_started", "workflow.stage_completed", "workflow.progress", "workflow.paused", "workflow.resumed"],
            stored.Select(e => e.EventType));
        Assert.All(stored, e => Assert.Equal(($"workflow/{workflow.WorkflowId}", "workflow"), (e.Stream.ToString(), e.Category)));
        Assert.Equal(40, stored[0].Context!.Value.GetProperty("total_items").GetInt32());
        Assert.Equal("v2", stored[1].Context!.Value.GetProperty("metadata").GetProperty("model").GetString());
        Assert.Equal(1500, stored[2].Context!.Value.GetProperty("duration_ms").GetDouble());
        Assert.Equal(("no_match", 0.42), (stored[3].Context!.Value.GetProperty("status").GetString(), stored[3].Context!.Value.GetProperty("confidence").GetDouble()));
        Assert.Equal((Severity.Warning, "rate limited"), (stored[4].Severity, stored[4].Context!.Value.GetProperty("reason").GetString()));
        Assert.Equal(Severity.Info, stored[5].Severity);
    }

    [Fact]
    public async Task RiskAlertSeverityFollowsTheScore()
    {
        var workflow = Client.Recorder.Workflow($"wf-risk-{Guid.NewGuid():N}");

        foreach (var score in new[] { 95, 80, 79.9, 60, 59, 0 })
        {
            await workflow.RiskAlertAsync(score, "unusual pattern");
        }

        var stored = await Client.Reader.AllAsync(new EventFilter { WorkflowId = workflow.WorkflowId });
        Assert.Equal(
            [Severity.Critical, Severity.Critical, Severity.Error, Severity.Error, Severity.Warning, Severity.Warning],
            stored.Select(e => e.Severity));
        Assert.All(stored, e => Assert.Equal("workflow.risk_alert", e.EventType));
    }

    [Fact]
    public async Task WorkflowErrorKeepsTheFirst200CharactersOfItsDetailsAndAMarker()
    {
        var workflow = Client.Recorder.Workflow($"wf-err-{Guid.NewGuid():N}");

        await workflow.ErrorAsync("E_TIMEOUT", new string('x', 500));

        var stored = Assert.Single(await Client.Reader.AllAsync(new EventFilter { WorkflowId = workflow.WorkflowId }));
        Assert.Equal(new string('x', 200) + WorkflowEvents.TruncationMarker, stored.Context!.Value.GetProperty("details").GetString());
        Assert.Equal(("workflow.error", Severity.Error), (stored.EventType, stored.Severity));
        Assert.StartsWith("E_TIMEOUT: ", stored.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventTheStoreWouldRefuseFailsItsTaskOnlyWhenTheCallerAskedToWait()
    {
        var refused = await Assert.ThrowsAsync<Recording.EventDeliveryException>(() => Client.Recorder.InfoAsync("Not A Type!"));

        await using var relaxed = await ClientHost.StartAsync(silo.Endpoint);
        var quiet = relaxed.Recorder.InfoAsync("Not A Type!");
        await relaxed.FlushAsync();

        Assert.Equal(Sending.DropReasons.Rejected, refused.Reason);
        Assert.True(quiet.IsCompletedSuccessfully);
        Assert.Equal(1, relaxed.Counts.DroppedFor(Sending.DropReasons.Rejected));
    }
}
