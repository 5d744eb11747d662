using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Hosting;

namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// Authenticates a request by its API key: <c>X-API-Key</c>, <c>Authorization: Bearer</c>,
/// <c>X-Admin-API-Key</c>, or — only where browsers cannot set headers (WebSockets, SSE, the
/// Orleans dashboard's sign-in) — the <c>access_token</c> query parameter. Answers 401 and 403 as
/// problem details.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing ring, IOptions<EventsOptions> events)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "X-API-Key";
    public const string AdminKeyHeader = "X-Admin-API-Key";
    public const string AccessTokenParameter = "access_token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKeys(Request);
        if (presented.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (presented.Count > 1)
        {
            // Which one to believe would be a guess; a request that mixes keys is refused, not resolved.
            return Task.FromResult(AuthenticateResult.Fail("The request carries different API keys."));
        }

        return Task.FromResult(ring.TryFind(presented[0], out var identity)
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
        var role = Context.User.RoleOf();
        return (policy == GatewayPolicies.SystemAdmin && role == ApiKeyRoles.Admin
            ? GatewayProblems.ForbiddenOutsideSystemTenant(Context.User.TenantId(), events.Value.SystemTenant)
            : GatewayProblems.Forbidden(GatewayPolicies.RoleOf(policy), role)).ExecuteAsync(Context);
    }

    /// <summary>Whether the request may carry its key in the query string: WebSocket upgrades, SSE and the Orleans dashboard's sign-in only.</summary>
    public static bool AcceptsQueryToken(HttpRequest request) =>
        request.HttpContext.WebSockets.IsWebSocketRequest || AcceptsQueryTokenAt(request.Path);

    /// <summary>
    /// Whether requests to this path may carry their key in the query string: the hub, the SSE stream,
    /// and the Orleans dashboard, where the key only signs the browser in (<see cref="OrleansDashboardSignIn"/>).
    /// </summary>
    public static bool AcceptsQueryTokenAt(PathString path) =>
        path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/logs/stream", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(OrleansDashboardSignIn.Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>Every distinct key the request carries, in any of the accepted places.</summary>
    private static List<string> PresentedKeys(HttpRequest request)
    {
        var keys = new List<string>(1);
        void Add(string? key)
        {
            if (key?.Trim() is { Length: > 0 } trimmed && !keys.Contains(trimmed))
            {
                keys.Add(trimmed);
            }
        }

        foreach (var key in request.Headers[ApiKeyHeader])
        {
            Add(key);
        }

        foreach (var authorization in request.Headers[HeaderNames.Authorization])
        {
            if (authorization?.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) == true)
            {
                Add(authorization["Bearer ".Length..]);
            }
        }

        foreach (var key in request.Headers[AdminKeyHeader])
        {
            Add(key);
        }

        if (AcceptsQueryToken(request))
        {
            Add(request.Query[AccessTokenParameter].FirstOrDefault());
        }

        return keys;
    }
}
