using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// Signs a browser in to Orleans' dashboard. The dashboard's page fetches its data with relative
/// requests that cannot carry a key header, so <c>GET /orleans/?access_token=KEY</c> swaps the key
/// for an HttpOnly, SameSite=Strict cookie scoped to <see cref="Path"/> and redirects to the same
/// address without it (<c>/orleans</c> itself to <c>/orleans/</c>, where the page's relative URLs work). The cookie holds the key's name, role and tenant, encrypted by data
/// protection; never the key.
/// </summary>
internal sealed class OrleansDashboardSignIn(ApiKeyRing ring) : IEndpointFilter
{
    public const string Path = "/orleans";
    public const string SchemeName = "OrleansDashboardCookie";
    public const string CookieName = "oe_orleans_dashboard";

    /// <summary>An open dashboard polls every second, so a sliding hour signs out only a browser left closed.</summary>
    public static readonly TimeSpan SignedInFor = TimeSpan.FromHours(1);

    public static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = CookieName;
        options.Cookie.Path = Path;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = SignedInFor;
        options.SlidingExpiration = true;

        // The API key scheme answers 401 and 403 as problem details; the cookie adds no redirect to a login page.
        options.Events.OnRedirectToLogin = _ => Task.CompletedTask;
        options.Events.OnRedirectToAccessDenied = _ => Task.CompletedTask;

        // A cookie outlives neither its key nor the key's role: a key removed from the settings signs its browsers out.
        options.Events.OnValidatePrincipal = context =>
        {
            var ring = context.HttpContext.RequestServices.GetRequiredService<ApiKeyRing>();
            if (context.Principal?.ToApiKeyIdentity() is not { } identity || !ring.Holds(identity))
            {
                context.RejectPrincipal();
            }

            return Task.CompletedTask;
        };
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var hasKey = http.Request.Query.ContainsKey(ApiKeyAuthenticationHandler.AccessTokenParameter);

        // The page loads ./index.min.js and its data relative to itself, which works only below /orleans/.
        var atRoot = http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);
        if (!hasKey && !atRoot)
        {
            return await next(context);
        }

        // Authorization has passed, so whatever authenticated the request may see the dashboard; only a
        // key from the query string is swapped for a cookie (a valid cookie beside a stale token just drops it).
        var byKey = http.User.Identities.FirstOrDefault(i => i.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName);
        if (hasKey && byKey?.IsAuthenticated == true && new ClaimsPrincipal(byKey).ToApiKeyIdentity() is { } identity && ring.Holds(identity))
        {
            await http.SignInAsync(SchemeName, identity.ToPrincipal(SchemeName));
        }

        var rest = http.Request.Query
            .Where(p => !string.Equals(p.Key, ApiKeyAuthenticationHandler.AccessTokenParameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));
        var path = (http.Request.PathBase + http.Request.Path).ToUriComponent() + (atRoot ? "/" : "");
        return TypedResults.Redirect(path + new QueryBuilder(rest).ToQueryString());
    }
}
