using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Problems;

/// <summary>A request that cannot be read at all (oversized, not JSON, wrong media type); the handler answers with its status.</summary>
public sealed class RequestRejectedException(int statusCode, FieldError error) : Exception($"{error.Field} {error.Message}")
{
    public int StatusCode { get; } = statusCode;

    public FieldError Error { get; } = error;
}
