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

    /// <summary>
    /// The key's name: what resolutions (<c>resolved_by_key</c>), audit entries, logs and rate limiting
    /// record instead of the key, which is never stored. Default <c>key-N</c>, N its index.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>The name of the key at <paramref name="index"/> when none is configured.</summary>
    public static string DefaultName(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"key-{index}");

    public string NameAt(int index) => Name ?? DefaultName(index);
}
