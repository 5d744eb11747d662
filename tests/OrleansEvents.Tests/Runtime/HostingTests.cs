using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Diagnostics;
using OrleansEvents.Runtime.Hosting;
using OrleansEvents.Tests.Runtime.TestGrains;

namespace OrleansEvents.Tests.Runtime;

public sealed class HostingTests
{
    [Fact]
    public async Task InvalidRuntimeOptionsFailTheHostAtStart()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TestRuntime.StartAsync(options => options.CallTimeout = TimeSpan.Zero));

        Assert.Contains("Runtime:CallTimeout must be positive.", error.Failures);
    }

    [Fact]
    public async Task UnregisteredGrainInterfaceIsRejectedNamingTheRegistrationToAdd()
    {
        await using var runtime = await TestRuntime.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => runtime.Grains.GetGrain<IUnregisteredGrain>("x"));

        Assert.Contains("AddGrain<IUnregisteredGrain, TGrain>()", error.Message);
    }

    [Fact]
    public void GrainContractWithANonTaskMethodIsRejectedAtRegistration()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddGrainRuntime().AddGrain<ISynchronousGrain, SynchronousGrain>());

        Assert.Contains("ISynchronousGrain.Count must return Task", error.Message);
    }

    [Fact]
    public async Task CallsAndActivationsAreCountedOnTheRuntimeMeter()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var meters = runtime.Services.GetRequiredService<IMeterFactory>();
        var totals = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName && instrument.Meter.Scope == meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (totals)
            {
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        var grains = Enumerable.Range(0, 3).Select(i => runtime.Grains.GetGrain<ILifecycleGrain>($"m{i}")).ToArray();
        foreach (var grain in grains.Concat(grains))
        {
            await grain.PingAsync();
        }

        lock (totals)
        {
            Assert.Equal(6, totals["orleansevents.runtime.calls"]);
            Assert.Equal(3, totals["orleansevents.runtime.activations.created"]);
        }
    }
}
