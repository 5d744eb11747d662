using System.Text.Json;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>The body of an edit: any of these fields; others are refused.</summary>
public sealed record EventEditBody(string? Severity, string? Message, JsonElement? Context, string? Source);
