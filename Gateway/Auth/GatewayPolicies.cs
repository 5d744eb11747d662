namespace OrleansEvents.Gateway.Auth;

/// <summary>Authorization policy names, one per minimum role.</summary>
public static class GatewayPolicies
{
    public const string Read = "role:read";
    public const string Write = "role:write";
    public const string Admin = "role:admin";

    /// <summary>An admin key of the system tenant (<c>Events:SystemTenant</c>): for what shows the whole cluster, every tenant at once.</summary>
    public const string SystemAdmin = "role:admin:system-tenant";

    public static string RoleOf(string? policy) => policy switch
    {
        Write => ApiKeyRoles.Write,
        Admin or SystemAdmin => ApiKeyRoles.Admin,
        _ => ApiKeyRoles.Read,
    };
}
