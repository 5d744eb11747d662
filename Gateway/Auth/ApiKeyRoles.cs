namespace OrleansEvents.Gateway.Auth;

/// <summary>The wire names of <see cref="ApiKeyRole"/>.</summary>
public static class ApiKeyRoles
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static string Of(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Read => Read,
        ApiKeyRole.Write => Write,
        ApiKeyRole.Admin => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? text, out ApiKeyRole role)
    {
        role = ApiKeyRole.Read;
        switch (text?.Trim().ToLowerInvariant())
        {
            case Read:
                return true;
            case Write:
                role = ApiKeyRole.Write;
                return true;
            case Admin:
                role = ApiKeyRole.Admin;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The role names that satisfy <paramref name="minimum"/>.</summary>
    public static string[] AtLeast(ApiKeyRole minimum) =>
        Enum.GetValues<ApiKeyRole>().Where(r => r >= minimum).Select(Of).ToArray();
}
