using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Hosting;

namespace OrleansEvents.Client.Tests;

/// <summary>Options bind from the section <c>OrleansEvents</c> and are checked before the host runs.</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void OptionsBindFromTheOrleansEventsSectionAndCodeWins()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["OrleansEvents:Endpoint"] = "http://127.0.0.1:5000",
            ["OrleansEvents:ApiKey"] = "from-configuration-0123456789",
            ["OrleansEvents:QueueCapacity"] = "250",
            ["OrleansEvents:ShutdownTimeout"] = "00:00:02",
        }, o => o.QueueCapacity = 300);

        var options = host.Services.GetRequiredService<IOptions<OrleansEventsOptions>>().Value;

        Assert.Equal((new Uri("http://127.0.0.1:5000"), "from-configuration-0123456789", 300, TimeSpan.FromSeconds(2), EventTransport.Http),
            (options.Endpoint, options.ApiKey, options.QueueCapacity, options.ShutdownTimeout, options.Transport));
    }

    [Fact]
    public async Task StartingWithoutAnEndpointForHttpFailsNamingTheSetting()
    {
        using var host = Build(new Dictionary<string, string?> { ["OrleansEvents:MaxBatchSize"] = "5000" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("OrleansEvents:Endpoint", failure.Message, StringComparison.Ordinal);
        Assert.Contains("OrleansEvents:ApiKey", failure.Message, StringComparison.Ordinal);
        Assert.Contains("OrleansEvents:MaxBatchSize", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheClusterClientPathNeedsNoEndpoint()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddOrleansEvents().UseClusterClient();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<OrleansEventsOptions>>().Value;

        Assert.Equal((EventTransport.ClusterClient, "default"), (options.Transport, options.Tenant));
    }

    private static IHost Build(Dictionary<string, string?> settings, Action<OrleansEventsOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOrleansEvents(configure);
        return builder.Build();
    }
}
