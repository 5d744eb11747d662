using OrleansEvents.Events;

namespace OrleansEvents.Grains;

/// <summary>
/// The key of a stream grain: <c>{tenant}/{stream key}</c>. Tenant ids contain no '/', so the first
/// '/' separates them; two tenants' streams with the same key are two grains.
/// </summary>
public static class StreamGrainKey
{
    public static string Of(string tenantId, StreamId stream) => $"{tenantId}/{stream.Key}";

    public static (string TenantId, string StreamKey) Parse(string grainKey)
    {
        var slash = grainKey.IndexOf('/');
        return slash > 0 && slash < grainKey.Length - 1
            ? (grainKey[..slash], grainKey[(slash + 1)..])
            : throw new FormatException($"'{grainKey}' is not a stream grain key of the form tenant/key.");
    }
}
