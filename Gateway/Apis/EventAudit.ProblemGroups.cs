using System.Security.Claims;
using Microsoft.Extensions.Logging;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.ProblemGroups;

namespace OrleansEvents.Gateway.Apis;

/// <summary>Resolving a whole problem group touches many events at once, so it leaves an audit entry as edits and deletes do.</summary>
public sealed partial class EventAudit
{
    public Task ProblemGroupResolvedAsync(ClaimsPrincipal user, ProblemGroupChange change, Resolution resolution)
    {
        LogGroupResolved(logger, user.KeyNameOf() ?? "?", user.TenantId(), change.Fingerprint, change.Changed);
        return RecordAsync(user, "audit.problem_group_resolved", null, $"Problem group {change.Fingerprint} resolved: {change.Changed} events in {change.Streams} streams",
            new
            {
                fingerprint = change.Fingerprint,
                resolved = change.Changed,
                streams = change.Streams,
                resolved_by = WireNames.Of(resolution.By),
                note = resolution.Note,
            });
    }

    public Task ProblemGroupUnresolvedAsync(ClaimsPrincipal user, ProblemGroupChange change)
    {
        LogGroupUnresolved(logger, user.KeyNameOf() ?? "?", user.TenantId(), change.Fingerprint, change.Changed);
        return RecordAsync(user, "audit.problem_group_unresolved", null, $"Problem group {change.Fingerprint} reopened: {change.Changed} events in {change.Streams} streams",
            new { fingerprint = change.Fingerprint, unresolved = change.Changed, streams = change.Streams });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} resolved problem group {Fingerprint} ({Count} events)")]
    private static partial void LogGroupResolved(ILogger logger, string keyName, string tenantId, string fingerprint, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: key {KeyName} of tenant {TenantId} reopened problem group {Fingerprint} ({Count} events)")]
    private static partial void LogGroupUnresolved(ILogger logger, string keyName, string tenantId, string fingerprint, long count);
}
