namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A tenant of a <see cref="GatewayFixture"/> with one key per role.</summary>
public sealed record ApiTenant(string Id, string ReadKey, string WriteKey, string AdminKey);
