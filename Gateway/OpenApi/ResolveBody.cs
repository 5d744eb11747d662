using OrleansEvents.Events;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of a resolve, which may be left out: a person resolves without a note.</summary>
/// <param name="ResolvedBy">Who resolved it; default human.</param>
/// <param name="Note">Why, at most 2 000 characters.</param>
public sealed record ResolveBody(ResolvedBy? ResolvedBy = null, string? Note = null);
