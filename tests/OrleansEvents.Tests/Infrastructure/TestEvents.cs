using System.Text.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Short ways to make test events.</summary>
public static class TestEvents
{
    public static NewEvent New(
        string eventType = "test.happened",
        string? severity = "info",
        string? message = null,
        string? eventId = null,
        string? stream = null,
        string? leadId = null,
        string? sessionId = null,
        string? deviceId = null,
        string? workflowId = null,
        string? accountId = null,
        string? category = null,
        string? source = null,
        DateTimeOffset? timestamp = null,
        string? contextJson = null) => new()
    {
        EventType = eventType,
        Severity = severity,
        Message = message ?? $"{eventType} for a test",
        EventId = eventId,
        Stream = stream,
        LeadId = leadId,
        SessionId = sessionId,
        DeviceId = deviceId,
        WorkflowId = workflowId,
        AccountId = accountId,
        Category = category,
        Source = source,
        Timestamp = timestamp,
        Context = contextJson is null ? null : JsonDocument.Parse(contextJson).RootElement.Clone(),
    };

    public static string Tenant() => "t-" + Guid.NewGuid().ToString("N")[..12];
}
