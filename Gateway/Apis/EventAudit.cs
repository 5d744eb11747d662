using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Json;

namespace OrleansEvents.Gateway.Apis;

/// <summary>
/// Records operators' edits and deletes twice: a structured log line (who, which tenant, which
/// event, what) and an event in the tenant's own <c>system/audit</c> stream, so the trail can be
/// queried like any other event. The entry says what changed without copying it: severity before and
/// after, and for message, context and source a SHA-256 fingerprint and size of the value as stored.
/// A delete or a cleared context often removes data that must not survive (a leaked secret, personal
/// data), and <c>system/audit</c> is readable by any key of the tenant. The key itself is never
/// recorded, only its name.
/// </summary>
public sealed partial class EventAudit(EventCommands commands, ILogger<EventAudit> logger)
{
    public Task EditedAsync(ClaimsPrincipal user, EventEdit edit, EventUpdate update)
    {
        var id = edit.After.Id;
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        Changed("severity", update.Severity, e => e.Severity);
        Changed("message", update.Message, e => ValueFingerprint.Of(e.Message));
        Changed("context", update.Context, e => ValueFingerprint.Of(e.Context));
        Changed("source", update.Source, e => ValueFingerprint.Of(e.Source));
        var fields = before.Keys.ToArray();
        LogEdited(logger, user.KeyNameOf() ?? "?", user.TenantId(), id, string.Join(",", fields));
        return RecordAsync(user, "audit.event_updated", id, $"Event {id} edited: {string.Join(", ", fields)}",
            new { event_id = id, stream = edit.After.Stream, fields, before, after });

        void Changed(string field, object? requested, Func<StoredEvent, object?> value)
        {
            if (requested is not null)
            {
                before[field] = value(edit.Before);
                after[field] = value(edit.After);
            }
        }
    }

    public Task DeletedAsync(ClaimsPrincipal user, StoredEvent deleted)
    {
        LogDeleted(logger, user.KeyNameOf() ?? "?", user.TenantId(), deleted.Id);
        return RecordAsync(user, "audit.event_deleted", deleted.Id, $"Event {deleted.Id} deleted", new
        {
            event_id = deleted.Id,
            stream = deleted.Stream,
            deleted = new
            {
                event_type = deleted.EventType,
                category = deleted.Category,
                severity = deleted.Severity,
                timestamp = deleted.Timestamp,
                message = ValueFingerprint.Of(deleted.Message),
                context = ValueFingerprint.Of(deleted.Context),
                source = ValueFingerprint.Of(deleted.Source),
            },
        });
    }

    public void Replayed(ClaimsPrincipal user, string? replayId, long found, bool dryRun) =>
        LogReplayed(logger, user.KeyNameOf() ?? "?", user.TenantId(), replayId ?? "-", found, dryRun);

    public void RetentionRun(ClaimsPrincipal user, long deleted, bool dryRun) =>
        LogRetention(logger, user.KeyNameOf() ?? "?", deleted, dryRun);

    private async Task RecordAsync(ClaimsPrincipal user, string eventType, long? id, string message, object details)
    {
        var entry = new NewEvent
        {
            Stream = "system/audit",
            Category = "audit",
            EventType = eventType,
            Severity = "info",
            Message = message,
            Source = "gateway",
            Context = JsonSerializer.SerializeToElement(new { key = user.KeyNameOf(), target_id = id, details }, GatewayJson.Default),
        };

        // The change has committed: the record of it must not depend on the caller still waiting.
        await commands.AppendAsync(user.TenantId(), [entry], CancellationToken.None);
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
