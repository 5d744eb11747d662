namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>The tests share one cluster and run one at a time: each kills part of it.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<SiloCluster>
{
    public const string Name = "cluster";
}
