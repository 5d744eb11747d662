using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansEvents.Client.Logging;
using OrleansEvents.Client.Tests.Infrastructure;
using OrleansEvents.Emit;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Tests;

/// <summary><c>builder.Logging.AddOrleansEvents()</c>: log entries become events as documented.</summary>
[Collection(SharedSiloCollection.Name)]
public sealed class LoggerBridgeTests(LoopbackSilo silo)
{
    private static readonly EventId PaymentFailed = new(7, "PaymentFailed");

    [Fact]
    public async Task ALoggedExceptionWithScopesBecomesAnEventAsDocumented()
    {
        var lead = $"lead-log-{Guid.NewGuid():N}";
        await using var client = await BridgedClientAsync(silo.Endpoint);
        var logger = client.Services.GetRequiredService<ILogger<LoggerBridgeTests>>();

        using (logger.BeginScope(new Dictionary<string, object?> { ["OrderId"] = 42, ["PaymentId"] = "from-scope" }))
        using (logger.BeginScope("checkout"))
        {
            logger.LogInformation("Charging {PaymentId} for {LeadId}", "p-1", lead);
            logger.LogError(PaymentFailed, new TimeoutException(new string('t', 300)), "Payment {PaymentId} failed for {LeadId}", "p-1", lead);
        }

        await client.FlushAsync();

        var stored = Assert.Single(await client.Reader.AllAsync(new EventFilter { LeadId = lead }));
        Assert.Equal(("logger_bridge_tests", "logger_bridge_tests.payment_failed", Severity.Error, $"lead/{lead}"),
            (stored.Category, stored.EventType, stored.Severity, stored.Stream.ToString()));
        Assert.Equal($"Payment p-1 failed for {lead}", stored.Message);
        var context = stored.Context!.Value;
        Assert.Equal(typeof(LoggerBridgeTests).FullName, context.GetProperty("logger").GetString());
        Assert.Equal(7, context.GetProperty("event_id").GetInt32());
        Assert.Equal("Payment {PaymentId} failed for {LeadId}", context.GetProperty("message_template").GetString());
        Assert.Equal(("p-1", 42), (context.GetProperty("payment_id").GetString(), context.GetProperty("order_id").GetInt32()));
        Assert.Equal("checkout", Assert.Single(context.GetProperty("scopes").EnumerateArray()).GetString());
        var exception = context.GetProperty("exception");
        Assert.Equal("System.TimeoutException", exception.GetProperty("type").GetString());
        Assert.Equal(new string('t', 200) + ErrorText.TruncationMarker, exception.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AConfiguredMappingNamesTheEventType()
    {
        var lead = $"lead-map-{Guid.NewGuid():N}";
        await using var client = await BridgedClientAsync(silo.Endpoint, o => o.EventTypes["PaymentFailed"] = "stripe.payment_failed");

        client.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Payments")
            .LogWarning(PaymentFailed, "Card declined for {LeadId}", lead);
        await client.FlushAsync();

        var stored = Assert.Single(await client.Reader.AllAsync(new EventFilter { LeadId = lead }));
        Assert.Equal(("payments", "stripe.payment_failed", Severity.Warning), (stored.Category, stored.EventType, stored.Severity));
    }

    [Fact]
    public async Task TheClientsOwnFailuresAreNeverLoggedThroughItself()
    {
        var unused = OrleansEvents.Tests.Infrastructure.FreePorts.Next();
        var nobody = new Uri($"http://127.0.0.1:{unused}");
        await using var client = await BridgedClientAsync(nobody, configure: null, o => o.RetryDelay = TimeSpan.FromMilliseconds(20));

        client.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Shop.Checkout").LogError("Checkout failed");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (client.Counts.Retried < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        // The sender has logged that sending fails (a warning, at the bridge's level): none of it was queued.
        Assert.True(client.Counts.Retried >= 3);
        Assert.Equal(1, client.Counts.Queued);
    }

    private static Task<ClientHost> BridgedClientAsync(Uri endpoint, Action<EventLoggerOptions>? configure = null, Action<Hosting.OrleansEventsOptions>? options = null) =>
        ClientHost.StartAsync(endpoint, o =>
        {
            o.BatchDelay = TimeSpan.Zero;
            o.ShutdownTimeout = TimeSpan.FromSeconds(1);
            options?.Invoke(o);
        }, host => host.Logging.AddOrleansEvents(configure));
}
