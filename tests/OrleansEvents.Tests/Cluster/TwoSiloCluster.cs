using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Cluster;

/// <summary>
/// Two silos of one Orleans cluster (Orleans' TestingHost, in this process) over one fresh PostgreSQL
/// database, as two machines of a deployment share theirs, with one fake clock for the event side of both.
/// </summary>
public class TwoSiloCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IReadOnlyList<InProcessSiloHandle> Silos => Cluster.Silos;

    public IEventLog Log => Silos[0].ServiceProvider.GetRequiredService<IEventLog>();

    public IGrainFactory GrainsOf(int silo) => Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var settings = StorageHost.Postgres(await (await PostgresServer.Shared).CreateDatabaseAsync("twosilos"));
        settings["Events:Retention:ReminderPeriod"] = "00:00:01";
        settings["Events:Retention:Days"] = "30";
        Configure(settings);
        using (var storage = StorageHost.Build(settings))
        {
            await storage.Services.MigrateEventStorageAsync();
        }

        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration.AddInMemoryCollection(settings);
            host.Services.AddKeyedSingleton<TimeProvider>(EventClock.Key, Clock);
        });
        builder.ConfigureSilo((_, silo) => silo.AddEventGrains(silo.Configuration));
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Settings of a fixture for tests that need others than the defaults.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
