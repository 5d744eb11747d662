using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Dashboard;
using Orleans.Configuration;
using Orleans.Hosting;
using OrleansEvents.Fanout;
using OrleansEvents.Hosting;
using OrleansEvents.LogQueue;

namespace OrleansEvents.Gateway.Cluster;

public static class ClusterClientHostingExtensions
{
    /// <summary>
    /// Makes this process an Orleans client of the cluster whose silos keep their membership in the
    /// events database (<c>ConnectionStrings:Events</c>): the gateway list comes from that table, so
    /// the client finds every live silo and moves to another when one dies.
    /// </summary>
    /// <exception cref="GatewayConfigurationException">No connection string, or one Npgsql cannot read.</exception>
    public static IHostApplicationBuilder AddEventsClusterClient(this IHostApplicationBuilder builder)
    {
        var orleans = builder.Configuration.GetSection(OrleansOptions.SectionName).Get<OrleansOptions>() ?? new OrleansOptions();
        var dataSource = CreateDataSource(builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName));
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [HealthTags.Ready]);
        builder.Services.AddOptions<ClusterConnectionOptions>().BindConfiguration(ClusterConnectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = orleans.ClusterId;
                cluster.ServiceId = orleans.ServiceId;
            });
            client.UseAdoNetClustering(clustering =>
            {
                clustering.Invariant = "Npgsql";
                clustering.DataSource = dataSource;
            });
            client.AddPersistentStreams(StreamProviders.Events, LogQueueAdapterFactory.Create, streams =>
                streams.Configure<HashRingStreamQueueMapperOptions>(queues => queues.Configure(LogQueueAdapterFactory.ConfigureQueues)));
            client.UseConnectionRetryFilter<StartupConnectionRetry>();
            var dashboard = builder.Configuration.GetSection(OrleansDashboardOptions.SectionName).Get<OrleansDashboardOptions>() ?? new OrleansDashboardOptions();
            if (dashboard.Enabled)
            {
                client.AddDashboard();
            }
        });
        return builder;
    }

    private static NpgsqlDataSource CreateDataSource(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new GatewayConfigurationException(
                "ConnectionStrings:Events is required: a gateway finds the cluster's silos in the membership table of the events database, " +
                "e.g. --ConnectionStrings:Events=\"Host=127.0.0.1;Port=5432;Database=events;Username=events;Password=…\"");
        }

        try
        {
            return NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new GatewayConfigurationException($"ConnectionStrings:Events is not a PostgreSQL connection string Npgsql can read: {exception.Message}");
        }
    }
}
