namespace OrleansEvents.Tests.Cluster;

/// <summary>One two-silo cluster for every test that is about the cluster: it costs seconds to start.</summary>
[CollectionDefinition(Name)]
public sealed class TwoSiloCollection : ICollectionFixture<TwoSiloCluster>
{
    public const string Name = "two silos";
}
