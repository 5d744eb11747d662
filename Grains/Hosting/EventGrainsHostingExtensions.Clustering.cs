using Npgsql;
using Orleans.Configuration;

namespace OrleansEvents.Hosting;

public static partial class EventGrainsHostingExtensions
{
    /// <summary>
    /// Embedded (SQLite): one silo with localhost clustering. PostgreSQL: the membership table in the
    /// events database, so silos started against it find each other and clients find their gateways.
    /// </summary>
    private static void UseClustering(ISiloBuilder silo, StorageOptions storage, OrleansOptions orleans)
    {
        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = orleans.ClusterId;
            cluster.ServiceId = orleans.ServiceId;
        });
        if (storage.IsSqlite)
        {
            silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
            return;
        }

        silo.ConfigureEndpoints(orleans.AdvertisedAddress, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(clustering => clustering.Configure<NpgsqlDataSource>((options, dataSource) => options.UsePostgres(dataSource)));
    }
}
