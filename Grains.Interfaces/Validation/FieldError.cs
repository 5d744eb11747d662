namespace OrleansEvents.Validation;

/// <summary>One broken rule: the field in wire (snake_case) spelling, e.g. <c>[3].severity</c>, and the rule it broke.</summary>
public sealed record FieldError(string Field, string Message);
