using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Client.Reading;
using OrleansEvents.Client.Recording;

namespace OrleansEvents.Client.Tests.Infrastructure;

/// <summary>A service's host with the client added as the README shows, pointed at a silo, started and stopped by the test.</summary>
public sealed class ClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClientHost(IHost host)
    {
        _host = host;
        Counts = new ClientCounts(host.Services).Listen();
    }

    public IServiceProvider Services => _host.Services;

    public IEventRecorder Recorder => Services.GetRequiredService<IEventRecorder>();

    public IEventReader Reader => Services.GetRequiredService<IEventReader>();

    public ClientCounts Counts { get; }

    public static async Task<ClientHost> StartAsync(Uri endpoint, Action<OrleansEventsOptions>? options = null, Action<HostApplicationBuilder>? builder = null)
    {
        var host = Build(endpoint, options, builder);
        await host.StartAsync();
        return host;
    }

    public static ClientHost Build(Uri endpoint, Action<OrleansEventsOptions>? options = null, Action<HostApplicationBuilder>? builder = null)
    {
        var settings = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder?.Invoke(settings);
        settings.Services.AddOrleansEvents(o =>
        {
            o.Endpoint = endpoint;
            o.ApiKey = LoopbackSilo.ApiKey;
            options?.Invoke(o);
        });
        return new ClientHost(settings.Build());
    }

    public Task StartAsync() => _host.StartAsync();

    /// <summary>Stops the host as its application's shutdown would, keeping it to read its counts afterwards.</summary>
    public Task StopAsync() => _host.StopAsync();

    public async Task FlushAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await Recorder.FlushAsync(deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Counts.Dispose();
    }
}
