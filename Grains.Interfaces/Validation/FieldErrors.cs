namespace OrleansEvents.Validation;

/// <summary>
/// Where the rules put what they find: the caller's list, with the field names of one batch entry
/// prefixed (<c>[3].severity</c>). A struct, and the prefix is written only for a broken rule, so checking
/// a valid event allocates nothing for it.
/// </summary>
internal readonly struct FieldErrors(List<FieldError> errors, int batchIndex = -1)
{
    public void Add(string field, string message) =>
        errors.Add(new FieldError(batchIndex < 0 ? field : $"[{batchIndex}].{field}", message));
}
