using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using OrleansEvents.ProblemGroups;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Reaches a gateway's problem group grains directly, for tests of what survives their activation.</summary>
public static class ProblemGroupGrains
{
    /// <summary>Ends the tenant's problem group activation; the next call activates it anew, counting from the store.</summary>
    public static async Task DeactivateAsync(GatewayFixture fixture, string tenantId)
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IProblemGroupsGrain>(tenantId).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // The deactivation runs after that call returned; a call made meanwhile waits for the new activation.
        await Task.Delay(200);
    }
}
