using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansEvents.Tests.Providers;

/// <summary>One <see cref="SqliteSilo"/> on its own migrated file for a test class; tests isolate themselves by grain key.</summary>
public sealed class SqliteClusterFixture : IAsyncLifetime
{
    private MigratedSqliteFile? _file;
    private InProcessTestCluster? _cluster;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The fixture has not started.");

    public MigratedSqliteFile File => _file ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The grain storage the silo registered under <see cref="SqliteSilo.StorageName"/>.</summary>
    public IGrainStorage Storage => Cluster.SiloServices().GetRequiredKeyedService<IGrainStorage>(SqliteSilo.StorageName);

    public async Task InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync();
        _cluster = await SqliteSilo.StartAsync(_file.Path, $"fixture-{Guid.NewGuid():N}");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
