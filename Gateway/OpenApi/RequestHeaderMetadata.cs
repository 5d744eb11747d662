namespace OrleansEvents.Gateway.OpenApi;

/// <summary>A request header the handler reads itself; the OpenAPI document lists it from this.</summary>
public sealed record RequestHeaderMetadata(string Name, string Description);
