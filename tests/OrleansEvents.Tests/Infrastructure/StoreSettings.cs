namespace OrleansEvents.Tests.Infrastructure;

/// <summary>The configuration that points a silo at one store; pass the same to a second silo to share it.</summary>
public sealed record StoreSettings(Dictionary<string, string?> Settings)
{
    public string Provider => Settings["Storage:Provider"]!;
}
