namespace OrleansEvents.Gateway.Auth;

/// <summary>Who a presented key stands for: a label (never the key), a role, and the tenant it scopes to.</summary>
public sealed record ApiKeyIdentity(string Name, ApiKeyRole Role, string Tenant);
