namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// API keys. Section <c>Auth</c>; from the environment as <c>Auth__ApiKeys__0__Key</c>,
/// <c>Auth__ApiKeys__0__Role</c>, <c>Auth__ApiKeys__0__Tenant</c>.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string DefaultTenant = "default";

    /// <summary>The accepted keys. Default none: then an admin key is generated on first start (see <see cref="AdminKeyFile"/>).</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>Where the generated admin key is kept. Default <c>admin.key</c> beside the SQLite file (<c>./data/admin.key</c>).</summary>
    public string? AdminKeyFile { get; set; }
}
