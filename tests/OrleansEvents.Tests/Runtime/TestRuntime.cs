using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Hosting;
using OrleansEvents.Tests.Runtime.TestGrains;

namespace OrleansEvents.Tests.Runtime;

/// <summary>A started generic host running the grain runtime on a fake clock, with the test grains registered.</summary>
public sealed class TestRuntime : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _stopped;

    private TestRuntime(IHost host, FakeTimeProvider clock, RuntimeProbe probe)
    {
        _host = host;
        Clock = clock;
        Probe = probe;
    }

    public FakeTimeProvider Clock { get; }

    public RuntimeProbe Probe { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public static async Task<TestRuntime> StartAsync(
        Action<GrainRuntimeOptions>? configure = null,
        Action<GrainRuntimeBuilder>? runtime = null,
        FakeTimeProvider? clock = null,
        RuntimeProbe? probe = null,
        Action<IServiceCollection>? services = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        probe ??= new RuntimeProbe();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(probe);
        services?.Invoke(builder.Services);
        var grains = builder.Services.AddGrainRuntime(configure)
            .AddGrain<ISequenceGrain, SequenceGrain>()
            .AddGrain<IBarrierGrain, BarrierGrain>()
            .AddGrain<ILifecycleGrain, LifecycleGrain>()
            .AddGrain<ICycleGrain, CycleGrain>()
            .AddGrain<IReminderGrain, ReminderGrain>("test.reminder");
        runtime?.Invoke(grains);
        var host = builder.Build();
        await host.StartAsync();
        return new TestRuntime(host, clock, probe);
    }

    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _host.StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _host.Dispose();
    }
}
