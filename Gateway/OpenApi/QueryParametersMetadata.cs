namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// The query parameters an endpoint reads itself (strictly, from the raw query string) rather than
/// through binding; the OpenAPI document lists them from this.
/// </summary>
public sealed record QueryParametersMetadata(IReadOnlyList<string> Names);
