namespace OrleansEvents.Storage;

/// <summary>A stream of one tenant, as the streams table keys it.</summary>
internal readonly record struct StreamKey(string TenantId, string Stream);
