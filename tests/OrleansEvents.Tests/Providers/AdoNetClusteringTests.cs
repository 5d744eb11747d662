using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Messaging;
using Orleans.Runtime;

namespace OrleansEvents.Tests.Providers;

[Collection(OrleansPostgresCollection.Name)]
public sealed class AdoNetClusteringTests(PostgresOrleansCluster fixture)
{
    [Fact]
    public async Task TwoSilosJoinAndBothSeeEachOtherInTheMembershipTable()
    {
        var silos = fixture.Cluster.Silos.Select(s => s.SiloAddress).ToHashSet();

        foreach (var silo in new[] { 0, 1 })
        {
            var membership = fixture.SiloServices(silo).GetRequiredService<IClusterMembershipService>();
            await Eventually.HoldsAsync(
                () => Task.FromResult(membership.CurrentSnapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet().SetEquals(silos)),
                $"silo {silo} seeing both silos active");

            var table = await fixture.SiloServices(silo).GetRequiredService<IMembershipTable>().ReadAllAsync();
            Assert.Equal(silos, table.Members.Where(m => m.Item1.Status == SiloStatus.Active).Select(m => m.Item1.SiloAddress).ToHashSet());
        }

        Assert.Equal(2L, await fixture.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = 3", fixture.Cluster.Options.ClusterId));
    }

    [Fact]
    public async Task ClientFindsBothGatewaysThroughTheMembershipTable()
    {
        // A gateway is known by its silo's generation, which the table holds; the gateway endpoint itself carries none.
        var expected = fixture.Cluster.Silos
            .Select(s => SiloAddress.New(s.GatewayAddress.Endpoint, s.SiloAddress.Generation).ToGatewayUri()).ToHashSet();

        var gateways = await fixture.Cluster.Client.ServiceProvider.GetRequiredService<IGatewayListProvider>().GetGatewaysAsync();
        await fixture.Cluster.Client.GetGrain<INoteGrain>("gateway-call").WriteAsync("through a gateway");

        Assert.Equal(expected, gateways.ToHashSet());
    }
}
