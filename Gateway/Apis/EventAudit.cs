using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;

namespace OrleansEvents.Gateway.Apis;

/// <summary>
/// Records operators' edits and deletes twice: a structured log line (who, which tenant, which
/// event, what) and an event in the tenant's own <c>system/audit</c> stream, so the trail can be
/// queried like any other event. The key itself is never recorded, only its name.
/// </summary>
public sealed partial class EventAudit(EventCommands commands, ILogger<EventAudit> logger)
{
    public Task EditedAsync(ClaimsPrincipal user, long id, EventUpdate update, CancellationToken cancellationToken)
    {
        var fields = new[] { update.Severity is null ? null : "severity", update.Message is null ? null : "message", update.Context is null ? null : "context", update.Source is null ? null : "source" }
            .OfType<string>().ToArray();
        LogEdited(logger, user.KeyNameOf() ?? "?", user.TenantId(), id, string.Join(",", fields));
        return RecordAsync(user, "audit.event_updated", id, $"Event {id} edited: {string.Join(", ", fields)}", new { event_id = id, fields }, cancellationToken);
    }

    public Task DeletedAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        LogDeleted(logger, user.KeyNameOf() ?? "?", user.TenantId(), id);
        return RecordAsync(user, "audit.event_deleted", id, $"Event {id} deleted", new { event_id = id }, cancellationToken);
    }

    public void Replayed(ClaimsPrincipal user, string? replayId, long found, bool dryRun) =>
        LogReplayed(logger, user.KeyNameOf() ?? "?", user.TenantId(), replayId ?? "-", found, dryRun);

    public void RetentionRun(ClaimsPrincipal user, long deleted, bool dryRun) =>
        LogRetention(logger, user.KeyNameOf() ?? "?", deleted, dryRun);

    private async Task RecordAsync(ClaimsPrincipal user, string eventType, long id, string message, object context, CancellationToken cancellationToken)
    {
        var audit = new NewEvent
        {
            Stream = "system/audit",
            Category = "audit",
            EventType = eventType,
            Severity = "info",
            Message = message,
            Source = "gateway",
            Context = JsonSerializer.SerializeToElement(new { key = user.KeyNameOf(), target_id = id, details = context }),
        };
        await commands.AppendAsync(user.TenantId(), [audit], cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} edited event {EventId} ({Fields})")]
    private static partial void LogEdited(ILogger logger, string keyName, string tenantId, long eventId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} deleted event {EventId}")]
    private static partial void LogDeleted(ILogger logger, string keyName, string tenantId, long eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} replayed ({ReplayId}): {Found} events, dry run {DryRun}")]
    private static partial void LogReplayed(ILogger logger, string keyName, string tenantId, string replayId, long found, bool dryRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} ran retention: {Deleted} events, dry run {DryRun}")]
    private static partial void LogRetention(ILogger logger, string keyName, long deleted, bool dryRun);
}
