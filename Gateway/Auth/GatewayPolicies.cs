namespace OrleansEvents.Gateway.Auth;

/// <summary>Authorization policy names, one per minimum role.</summary>
public static class GatewayPolicies
{
    public const string Read = "role:read";
    public const string Write = "role:write";
    public const string Admin = "role:admin";

    public static string RoleOf(string? policy) => policy switch
    {
        Write => ApiKeyRoles.Write,
        Admin => ApiKeyRoles.Admin,
        _ => ApiKeyRoles.Read,
    };
}
