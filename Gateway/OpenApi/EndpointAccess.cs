using Microsoft.AspNetCore.Authorization;
using OrleansEvents.Gateway.Auth;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>What an endpoint asks of the caller's API key, read from its authorization metadata.</summary>
internal sealed record EndpointAccess(bool NeedsKey, string MinimumRole)
{
    public static EndpointAccess Of(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        if (items.OfType<IAllowAnonymous>().Any())
        {
            return new EndpointAccess(false, ApiKeyRoles.Read);
        }

        // The last named policy wins, as the forbidden answer reads it; none means the fallback policy (read).
        var policy = items.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return new EndpointAccess(true, GatewayPolicies.RoleOf(policy));
    }

    /// <summary>Whether a key of the lowest role can be refused (403) here.</summary>
    public bool CanForbid => NeedsKey && MinimumRole != ApiKeyRoles.Read;
}
