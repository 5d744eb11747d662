namespace OrleansEvents.Validation;

/// <summary>Input broke one or more rules; nothing was stored. Carries every broken rule, not just the first.</summary>
[GenerateSerializer]
[Alias("oe.EventValidationException")]
public sealed class EventValidationException(IReadOnlyList<FieldError> errors)
    : Exception(Describe(errors))
{
    [Id(0)]
    // An array, whatever list the thrower built: it crosses silos, and Orleans has a codec for arrays, not for every list.
    public IReadOnlyList<FieldError> Errors { get; } = errors.ToArray();

    private static string Describe(IReadOnlyList<FieldError> errors) =>
        "Invalid input: " + string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}"));
}
