using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansEvents.Gateway.Problems;

namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// Authenticates a request by its API key: <c>X-API-Key</c>, <c>Authorization: Bearer</c>,
/// <c>X-Admin-API-Key</c>, or — only where browsers cannot set headers (WebSockets, SSE) — the
/// <c>access_token</c> query parameter. Answers 401 and 403 as problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing ring)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-API-Key";
    public const string AdminKeyHeader = "X-Admin-API-Key";
    public const string AccessTokenParameter = "access_token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey(Request);
        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(ring.TryFind(presented, out var identity)
            ? AuthenticateResult.Success(new AuthenticationTicket(identity.ToPrincipal(SchemeName), SchemeName))
            : AuthenticateResult.Fail("The API key is not valid."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return GatewayProblems.Unauthorized().ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var policy = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return GatewayProblems.Forbidden(GatewayPolicies.RoleOf(policy), Context.User.RoleOf()).ExecuteAsync(Context);
    }

    /// <summary>Whether the request may carry its key in the query string: WebSocket upgrades and SSE only.</summary>
    public static bool AcceptsQueryToken(HttpRequest request) =>
        request.HttpContext.WebSockets.IsWebSocketRequest || AcceptsQueryTokenAt(request.Path);

    /// <summary>Whether requests to this path may carry their key in the query string: the hub and the SSE stream.</summary>
    public static bool AcceptsQueryTokenAt(PathString path) =>
        path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/logs/stream", StringComparison.OrdinalIgnoreCase);

    private static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers[ApiKeyHeader].FirstOrDefault() is { Length: > 0 } apiKey)
        {
            return apiKey.Trim();
        }

        if (request.Headers[HeaderNames.Authorization].FirstOrDefault() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        if (request.Headers[AdminKeyHeader].FirstOrDefault() is { Length: > 0 } adminKey)
        {
            return adminKey.Trim();
        }

        return AcceptsQueryToken(request) ? request.Query[AccessTokenParameter].FirstOrDefault() : null;
    }
}
