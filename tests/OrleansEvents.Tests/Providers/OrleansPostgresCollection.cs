namespace OrleansEvents.Tests.Providers;

/// <summary>
/// The Orleans ADO.NET provider tests share one two-silo cluster and run alone, after the parallel collections: the
/// silos' heartbeats and reminder reads are transactions on the shared throwaway PostgreSQL, and transaction ids are
/// cluster-wide, so they would hold back <c>pg_snapshot_xmin</c> for the event log reader tests in other databases.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OrleansPostgresCollection : ICollectionFixture<PostgresOrleansCluster>
{
    public const string Name = "Orleans on PostgreSQL";
}
