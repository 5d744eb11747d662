using Npgsql;
using Orleans.TestingHost;
using OrleansEvents.Hosting;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Providers;

/// <summary>
/// Two in-process silos and a client on a fresh PostgreSQL database that the product's migrator prepared: ADO.NET
/// clustering, reminders and grain storage, all through the scripts in <c>sql/postgres/</c>. The test cluster's own
/// membership is switched off, so the silos find each other and the client finds its gateways through the table.
/// </summary>
public sealed class PostgresOrleansCluster : IAsyncLifetime
{
    public const string ConnectionStringName = "Events";

    /// <summary>Grain storage that keeps a cleared grain's row (and its version).</summary>
    public const string GrainStorage = "state";

    /// <summary>Grain storage with <c>DeleteStateOnClear</c>: a cleared grain's row goes.</summary>
    public const string DeletingGrainStorage = "state-deleting";

    private TestCluster? _cluster;
    private NpgsqlDataSource? _dataSource;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    /// <summary>The database the cluster runs on, for tests that look at the rows behind the providers.</summary>
    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The cluster has not started.");

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync("orleans");
        using (var storage = StorageHost.Build(StorageHost.Postgres(connectionString)))
        {
            await storage.Services.MigrateEventStorageAsync();
        }

        _dataSource = NpgsqlDataSource.Create(connectionString);
        var builder = new TestClusterBuilder(2);
        builder.Options.UseTestClusterMembership = false;
        builder.Properties[$"ConnectionStrings:{ConnectionStringName}"] = connectionString;
        builder.AddSiloBuilderConfigurator<PostgresSiloConfigurator>();
        builder.AddClientBuilderConfigurator<PostgresClientConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>The services of the given silo (0 or 1), e.g. its membership or reminder table.</summary>
    public IServiceProvider SiloServices(int silo) => ((InProcessSiloHandle)Cluster.Silos[silo]).ServiceProvider;

    /// <summary>Runs a scalar query on the cluster's database.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] arguments)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var argument in arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }
}
