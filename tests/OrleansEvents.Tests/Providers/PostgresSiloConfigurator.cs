using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansEvents.Hosting;

namespace OrleansEvents.Tests.Providers;

/// <summary>
/// Wires a test silo the way a cluster silo will be: one <see cref="NpgsqlDataSource"/> from
/// <c>ConnectionStrings:Events</c>, handed to ADO.NET clustering, reminders and both grain storages.
/// </summary>
public sealed class PostgresSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        var connectionString = siloBuilder.Configuration.GetConnectionString(PostgresOrleansCluster.ConnectionStringName)!;
        siloBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        siloBuilder
            .UseAdoNetClustering((OptionsBuilder<AdoNetClusteringSiloOptions> options) =>
                options.Configure<NpgsqlDataSource>((o, dataSource) => o.UsePostgres(dataSource)))
            .UseAdoNetReminderService((OptionsBuilder<AdoNetReminderTableOptions> options) =>
                options.Configure<NpgsqlDataSource>((o, dataSource) => o.UsePostgres(dataSource)))
            .AddAdoNetGrainStorage(PostgresOrleansCluster.GrainStorage, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
                options.Configure<NpgsqlDataSource>((o, dataSource) => o.UsePostgres(dataSource)))
            .AddAdoNetGrainStorage(PostgresOrleansCluster.DeletingGrainStorage, (OptionsBuilder<AdoNetGrainStorageOptions> options) =>
                options.Configure<NpgsqlDataSource>((o, dataSource) =>
                {
                    o.UsePostgres(dataSource);
                    o.DeleteStateOnClear = true;
                }));
    }
}
