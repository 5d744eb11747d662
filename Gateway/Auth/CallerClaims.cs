using System.Security.Claims;

namespace OrleansEvents.Gateway.Auth;

/// <summary>The claims an API key puts on a request, and how handlers read them.</summary>
public static class CallerClaims
{
    public const string Tenant = "oe:tenant";
    public const string Role = "oe:role";
    public const string KeyName = "oe:key";

    /// <summary>The tenant every read and write of this request is scoped to.</summary>
    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(Tenant) ?? throw new InvalidOperationException("The request was not authenticated with an API key.");

    public static string? KeyNameOf(this ClaimsPrincipal user) => user.FindFirstValue(KeyName);

    public static string RoleOf(this ClaimsPrincipal user) => user.FindFirstValue(Role) ?? "none";

    /// <summary>The key identity these claims were issued for, or null when one of them is missing.</summary>
    public static ApiKeyIdentity? ToApiKeyIdentity(this ClaimsPrincipal user) =>
        (user.FindFirstValue(KeyName), user.FindFirstValue(Role), user.FindFirstValue(Tenant)) is ({ } name, { } role, { } tenant)
        && ApiKeyRoles.TryParse(role, out var parsed)
            ? new ApiKeyIdentity(name, parsed, tenant)
            : null;

    public static ClaimsPrincipal ToPrincipal(this ApiKeyIdentity identity, string scheme) =>
        new(new ClaimsIdentity(
            [
                new Claim(Tenant, identity.Tenant),
                new Claim(Role, ApiKeyRoles.Of(identity.Role)),
                new Claim(KeyName, identity.Name),
            ],
            scheme));
}
