namespace OrleansEvents.Storage;

/// <summary>An event id of one tenant, as the idempotency constraint keys it.</summary>
internal readonly record struct EventKey(string TenantId, string EventId);
