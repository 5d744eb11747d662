namespace OrleansEvents.Client.Tests.Infrastructure;

/// <summary>One silo for the tests that never stop it: starting one costs seconds.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSiloCollection : ICollectionFixture<LoopbackSilo>
{
    public const string Name = "shared silo";
}
