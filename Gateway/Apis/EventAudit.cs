using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Json;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Apis;

/// <summary>
/// Records operators' edits and deletes twice: a structured log line (who, which tenant, which
/// event, what) and an event in the tenant's own <c>system/audit</c> stream, so the trail can be
/// queried like any other event. The audit event keeps what was there before: an edit's changed
/// fields before and after, a deleted event whole. Values too large for one event's context are
/// left out and the entry says so. The key itself is never recorded, only its name.
/// </summary>
public sealed partial class EventAudit(EventCommands commands, ILogger<EventAudit> logger)
{
    public Task EditedAsync(ClaimsPrincipal user, EventEdit edit, EventUpdate update, CancellationToken cancellationToken)
    {
        var id = edit.After.Id;
        var before = new Dictionary<string, object?>(StringComparer.Ordinal);
        var after = new Dictionary<string, object?>(StringComparer.Ordinal);
        Changed("severity", update.Severity, e => e.Severity);
        Changed("message", update.Message, e => e.Message);
        Changed("context", update.Context, e => e.Context);
        Changed("source", update.Source, e => e.Source);
        var fields = before.Keys.ToArray();
        LogEdited(logger, user.KeyNameOf() ?? "?", user.TenantId(), id, string.Join(",", fields));
        return RecordAsync(
            user, "audit.event_updated", id, $"Event {id} edited: {string.Join(", ", fields)}",
            new { event_id = id, stream = edit.After.Stream, fields, before, after },
            new { event_id = id, stream = edit.After.Stream, fields, values_omitted = "too large for an audit entry" },
            cancellationToken);

        void Changed(string field, object? requested, Func<StoredEvent, object?> value)
        {
            if (requested is not null)
            {
                before[field] = value(edit.Before);
                after[field] = value(edit.After);
            }
        }
    }

    public Task DeletedAsync(ClaimsPrincipal user, StoredEvent deleted, CancellationToken cancellationToken)
    {
        LogDeleted(logger, user.KeyNameOf() ?? "?", user.TenantId(), deleted.Id);
        return RecordAsync(
            user, "audit.event_deleted", deleted.Id, $"Event {deleted.Id} deleted",
            new { event_id = deleted.Id, stream = deleted.Stream, deleted },
            new { event_id = deleted.Id, stream = deleted.Stream, event_type = deleted.EventType, values_omitted = "too large for an audit entry" },
            cancellationToken);
    }

    public void Replayed(ClaimsPrincipal user, string? replayId, long found, bool dryRun) =>
        LogReplayed(logger, user.KeyNameOf() ?? "?", user.TenantId(), replayId ?? "-", found, dryRun);

    public void RetentionRun(ClaimsPrincipal user, long deleted, bool dryRun) =>
        LogRetention(logger, user.KeyNameOf() ?? "?", deleted, dryRun);

    /// <summary>Appends the entry with <paramref name="details"/>, or with <paramref name="withoutValues"/> when the values break the context limits.</summary>
    private async Task RecordAsync(
        ClaimsPrincipal user, string eventType, long id, string message, object details, object withoutValues, CancellationToken cancellationToken)
    {
        try
        {
            await commands.AppendAsync(user.TenantId(), [Entry(user, eventType, id, message, details)], cancellationToken);
        }
        catch (EventValidationException)
        {
            // Validation runs before anything is stored, so the smaller entry is the only one.
            await commands.AppendAsync(user.TenantId(), [Entry(user, eventType, id, message, withoutValues)], cancellationToken);
        }
    }

    private static NewEvent Entry(ClaimsPrincipal user, string eventType, long id, string message, object details) => new()
    {
        Stream = "system/audit",
        Category = "audit",
        EventType = eventType,
        Severity = "info",
        Message = message,
        Source = "gateway",
        Context = JsonSerializer.SerializeToElement(new { key = user.KeyNameOf(), target_id = id, details }, GatewayJson.Default),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} edited event {EventId} ({Fields})")]
    private static partial void LogEdited(ILogger logger, string keyName, string tenantId, long eventId, string fields);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} deleted event {EventId}")]
    private static partial void LogDeleted(ILogger logger, string keyName, string tenantId, long eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} replayed ({ReplayId}): {Found} events, dry run {DryRun}")]
    private static partial void LogReplayed(ILogger logger, string keyName, string tenantId, string replayId, long found, bool dryRun);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} ran retention: {Deleted} events, dry run {DryRun}")]
    private static partial void LogRetention(ILogger logger, string keyName, long deleted, bool dryRun);
}
