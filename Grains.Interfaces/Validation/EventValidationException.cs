namespace OrleansEvents.Validation;

/// <summary>Input broke one or more rules; nothing was stored. Carries every broken rule, not just the first.</summary>
public sealed class EventValidationException(IReadOnlyList<FieldError> errors)
    : Exception(Describe(errors))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    private static string Describe(IReadOnlyList<FieldError> errors) =>
        "Invalid input: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"));
}
