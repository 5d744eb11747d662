using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Problems;

/// <summary>
/// The RFC 7807 answers of the gateway. Validation failures list each broken rule under its wire
/// field (<c>[3].severity</c>, <c>limit</c>) in <c>errors</c>, and repeat them in <c>detail</c> so a
/// person reading only the detail still learns which field broke which rule.
/// </summary>
public static class GatewayProblems
{
    public static ValidationProblem Invalid(IReadOnlyList<FieldError> errors) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            detail: string.Join("; ", errors.Select(e => $"{e.Field} {e.Message}")),
            title: "The request breaks a rule");

    public static ValidationProblem Invalid(string field, string rule) => Invalid([new FieldError(field, rule)]);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>An append that named the version the stream had to be at; it is elsewhere, and nothing was stored.</summary>
    public static ProblemHttpResult VersionConflict(StreamVersionConflictException conflict) =>
        TypedResults.Problem(
            $"stream {conflict.Stream} is at version {conflict.ActualVersion}, not the expected {conflict.ExpectedVersion}; nothing was stored",
            statusCode: StatusCodes.Status409Conflict,
            title: "Stream version conflict",
            extensions: new Dictionary<string, object?>
            {
                ["stream"] = conflict.Stream.ToString(),
                ["expected_version"] = conflict.ExpectedVersion,
                ["actual_version"] = conflict.ActualVersion,
            });

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(
            $"body must be at most {limit} bytes (Gateway:MaxRequestBodyBytes)",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Request body too large",
            extensions: new Dictionary<string, object?> { ["field"] = "body", ["limit"] = limit });

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) =>
        TypedResults.Problem(
            $"Content-Type '{contentType}' is not accepted; send application/json",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type",
            extensions: new Dictionary<string, object?> { ["field"] = "Content-Type" });

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable");

    public static ProblemHttpResult Unauthorized() =>
        TypedResults.Problem(
            "a valid API key is required: X-API-Key, Authorization: Bearer, or X-Admin-API-Key",
            statusCode: StatusCodes.Status401Unauthorized,
            title: "Unauthorized");

    public static ProblemHttpResult Forbidden(string requiredRole, string actualRole) =>
        TypedResults.Problem(
            $"this API key has role '{actualRole}'; this operation needs '{requiredRole}'",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            extensions: new Dictionary<string, object?> { ["required_role"] = requiredRole });

    public static ProblemHttpResult ForbiddenOutsideSystemTenant(string tenant, string systemTenant) =>
        TypedResults.Problem(
            $"this API key is an admin of tenant '{tenant}'; this operation shows every tenant and needs an admin of the system tenant '{systemTenant}'",
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            extensions: new Dictionary<string, object?> { ["required_role"] = ApiKeyRoles.Admin, ["required_tenant"] = systemTenant });

    public static ProblemHttpResult TooManyRequests(TimeSpan retryAfter) =>
        TypedResults.Problem(
            $"too many requests for this API key; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s",
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            // ASP.NET Core has no default type for 429; every other answer carries one.
            type: "https://tools.ietf.org/html/rfc6585#section-4");
}
