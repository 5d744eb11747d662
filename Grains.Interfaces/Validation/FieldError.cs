namespace OrleansEvents.Validation;

/// <summary>One broken rule: the field in wire (snake_case) spelling, e.g. <c>[3].severity</c>, and the rule it broke.</summary>
[GenerateSerializer]
[Alias("oe.FieldError")]
[Immutable]
public sealed record FieldError([Id(0)] string Field, [Id(1)] string Message);
