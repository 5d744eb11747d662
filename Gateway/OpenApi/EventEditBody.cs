using System.Text.Json;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// The body of an edit: at least one of these fields; any other is refused. Aliases as for a new
/// event: <c>level</c> for severity, <c>payload</c>/<c>details</c>/<c>data</c> for context.
/// </summary>
/// <param name="Severity">info, warning, error or critical.</param>
/// <param name="Message">Free text, at most 8 KiB of UTF-8.</param>
/// <param name="Context">Any JSON object (at most 64 KiB compact, 32 levels deep); replaces the old one. null clears it.</param>
/// <param name="Source">Who sent the event (at most 100 characters).</param>
public sealed record EventEditBody(
    string? Severity = null, string? Message = null, IReadOnlyDictionary<string, JsonElement>? Context = null, string? Source = null);
