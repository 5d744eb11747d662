using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using OrleansEvents.Hosting;

namespace OrleansEvents.Tests.Providers;

/// <summary>Lets the test cluster's client find its gateways in the membership table, as a gateway-only process will.</summary>
public sealed class PostgresClientConfigurator : IClientBuilderConfigurator
{
    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder)
    {
        var connectionString = configuration.GetConnectionString(PostgresOrleansCluster.ConnectionStringName)!;
        clientBuilder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        clientBuilder.UseAdoNetClustering((OptionsBuilder<AdoNetClusteringClientOptions> options) =>
            options.Configure<NpgsqlDataSource>((o, dataSource) => o.UsePostgres(dataSource)));
    }
}
