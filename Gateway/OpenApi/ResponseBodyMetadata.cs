namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// The JSON answer of one status, for a handler whose result type does not say it (an untyped
/// <c>object</c>): one <see cref="BodyType"/>, or with <see cref="MaxItems"/> that or an array of them.
/// </summary>
public sealed record ResponseBodyMetadata(int StatusCode, Type BodyType, string Description, int? MaxItems = null);
