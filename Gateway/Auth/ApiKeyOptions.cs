namespace OrleansEvents.Gateway.Auth;

/// <summary>One configured key (<c>Auth:ApiKeys:N</c>).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The key itself, or <c>sha256:&lt;64 hex digits&gt;</c> of it so the secret never sits in configuration.</summary>
    public string Key { get; set; } = "";

    /// <summary><c>read</c>, <c>write</c> or <c>admin</c>. Default <c>read</c>.</summary>
    public string Role { get; set; } = "read";

    /// <summary>The tenant whose events this key sees and writes. Default <c>default</c>.</summary>
    public string Tenant { get; set; } = AuthOptions.DefaultTenant;

    /// <summary>A label for logs and rate limiting (the key itself is never logged). Default <c>key{N}</c>.</summary>
    public string? Name { get; set; }
}
