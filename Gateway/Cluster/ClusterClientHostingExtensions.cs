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

            // A call in flight to a silo that hangs fails after this, as a 503, rather than holding the
            // request for Orleans' default 30 s; the gateway list is reread as often, so a dead silo is
            // left and a new one used soon. Both documented in docs/operations.md.
            client.Services.AddOptions<ClientMessagingOptions>()
                .Configure(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(10))
                .Bind(builder.Configuration.GetSection("Orleans:Messaging"));
            client.Services.AddOptions<GatewayOptions>()
                .Configure(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10))
                .Bind(builder.Configuration.GetSection("Orleans:Gateways"));
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
