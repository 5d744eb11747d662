namespace OrleansEvents.Validation;

/// <summary>The size limits of docs/architecture.md §3, in one place so the validator, storage and docs agree.</summary>
public static class EventLimits
{
    public const int MaxBatchSize = 1000;
    public const int MaxEventIdLength = 255;
    public const int MaxCorrelationIdLength = 255;
    public const int MaxCategoryLength = 50;
    public const int MaxEventTypeLength = 100;
    public const int MaxSourceLength = 100;
    public const int MaxTenantIdLength = 100;

    /// <summary>An API key's name, as stored in <c>resolved_by_key</c>.</summary>
    public const int MaxKeyNameLength = 100;

    /// <summary>Message size in UTF-8 bytes (8 KiB).</summary>
    public const int MaxMessageBytes = 8 * 1024;

    /// <summary>Context size as compact UTF-8 JSON (64 KiB).</summary>
    public const int MaxContextBytes = 64 * 1024;

    /// <summary>The most characters a number in context may be written with.</summary>
    public const int MaxContextNumberLength = 100;

    /// <summary>The largest power of ten (either sign) a number in context may be written with, as for a double.</summary>
    public const int MaxContextNumberExponent = 308;

    /// <summary>How deeply context objects and arrays may nest.</summary>
    public const int MaxContextDepth = 32;
}
