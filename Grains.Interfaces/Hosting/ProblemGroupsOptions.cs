using System.ComponentModel.DataAnnotations;

namespace OrleansEvents.Hosting;

/// <summary>How open problems are grouped. Section <c>Events:Problems</c>.</summary>
public sealed class ProblemGroupsOptions : IValidatableObject
{
    public const string SectionName = "Events:Problems";

    public const int MaxKeys = 10;

    /// <summary>
    /// Context keys whose values split a group (stream kind + event type) further, e.g. <c>["device_model"]</c>.
    /// Default none. Fingerprints are computed, never stored: after a change every open event is grouped by the new keys.
    /// </summary>
    public string[] FingerprintKeys { get; set; } = [];

    /// <summary>How long a group's changes are gathered before subscribers hear of them once. Default 100 ms.</summary>
    public TimeSpan ChangeDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FingerprintKeys.Length > MaxKeys)
        {
            yield return new ValidationResult($"at most {MaxKeys} keys", [nameof(FingerprintKeys)]);
        }

        if (FingerprintKeys.Any(k => string.IsNullOrEmpty(k) || k.Length > 100 || k.Any(char.IsControl)))
        {
            yield return new ValidationResult("each key must be 1–100 characters without control characters", [nameof(FingerprintKeys)]);
        }

        if (FingerprintKeys.Distinct(StringComparer.Ordinal).Count() != FingerprintKeys.Length)
        {
            yield return new ValidationResult("keys must not repeat", [nameof(FingerprintKeys)]);
        }

        if (ChangeDelay < TimeSpan.Zero || ChangeDelay > TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("must be between 0 and 10 seconds", [nameof(ChangeDelay)]);
        }
    }
}
