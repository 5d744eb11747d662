namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// The JSON body an endpoint reads by hand: one <see cref="BodyType"/>, or with <see cref="MaxItems"/>
/// also an array of 1 to that many. Documented through this rather than <c>Accepts</c>, whose
/// content-type matching would refuse the form type curl sends by default before the handler runs.
/// <see cref="ItemType"/> is the array's item when it differs from the single body.
/// </summary>
public sealed record RequestBodyMetadata(Type BodyType, bool Required, int? MaxItems = null, Type? ItemType = null);
