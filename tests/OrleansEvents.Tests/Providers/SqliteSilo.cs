using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansEvents.Hosting;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Tests.Providers;

/// <summary>
/// A one-silo in-process cluster whose reminders and grain state live in the given SQLite file, the embedded
/// mode's wiring. Clusters started on the same file with the same service id see each other's rows, as a
/// restarted silo does.
/// </summary>
public static class SqliteSilo
{
    public const string StorageName = "sqlite";

    public static async Task<InProcessTestCluster> StartAsync(string databasePath, string serviceId, ReminderTicks? ticks = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddSingleton(_ => new SqliteDatabase(databasePath));
            silo.Services.AddSingleton(ticks ?? new ReminderTicks());
            silo.Services.Configure<ReminderOptions>(options =>
            {
                // Orleans' minimum is a minute; the tests' reminders tick every few seconds.
                options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                options.RefreshReminderListPeriod = TimeSpan.FromSeconds(5);
            });
            silo.UseSqliteReminderTable().AddSqliteGrainStorage(StorageName);
        });
        var cluster = builder.Build();
        try
        {
            await cluster.DeployAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public static IServiceProvider SiloServices(this InProcessTestCluster cluster) => cluster.Silos[0].ServiceProvider;
}
