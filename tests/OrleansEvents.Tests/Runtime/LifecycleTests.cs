using OrleansEvents.Tests.Runtime.TestGrains;

namespace OrleansEvents.Tests.Runtime;

public sealed class LifecycleTests
{
    [Fact]
    public async Task OnActivateAsyncCompletesBeforeTheFirstCall()
    {
        await using var runtime = await TestRuntime.StartAsync();

        Assert.True(await runtime.Grains.GetGrain<ILifecycleGrain>("first").WasActivatedFirstAsync());
    }

    [Fact]
    public async Task FailedActivationFailsTheCallAndTheNextCallActivatesAfresh()
    {
        await using var runtime = await TestRuntime.StartAsync();
        runtime.Probe.FailingActivations = 1;
        var grain = runtime.Grains.GetGrain<ILifecycleGrain>("fragile");

        var error = await Assert.ThrowsAsync<LifecycleGrainException>(grain.PingAsync);

        Assert.Equal("activation of fragile failed", error.Message);
        Assert.Equal(1, await grain.PingAsync());
        Assert.Equal(["activation-failed:fragile", "activated:fragile", "called:fragile"], runtime.Probe.Events);
    }

    [Fact]
    public async Task GrainExceptionReachesTheCallerUnchangedAndTheActivationStaysUsable()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var grain = runtime.Grains.GetGrain<ILifecycleGrain>("thrower");
        await grain.PingAsync();

        var error = await Assert.ThrowsAsync<LifecycleGrainException>(() => grain.ThrowAsync("no such order"));

        Assert.Equal("no such order", error.Message);
        Assert.Equal(2, await grain.PingAsync());
        Assert.Equal(1, runtime.Probe.Count("activated:thrower"));
    }

    [Fact]
    public async Task IdleActivationIsCollectedAfterTheCollectionAgeWithOnDeactivateAsync()
    {
        await using var runtime = await TestRuntime.StartAsync(options =>
        {
            options.CollectionAge = TimeSpan.FromMinutes(2);
            options.CollectionQuantum = TimeSpan.FromSeconds(30);
        });
        var grain = runtime.Grains.GetGrain<ILifecycleGrain>("idle");
        await grain.PingAsync();

        runtime.Clock.Advance(TimeSpan.FromSeconds(90));
        await grain.PingAsync();
        runtime.Clock.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(0, runtime.Probe.Count("deactivated:idle:Idle"));

        runtime.Clock.Advance(TimeSpan.FromSeconds(30));
        await runtime.Probe.WaitForAsync("deactivated:idle:Idle");

        Assert.Equal(1, await grain.PingAsync());
        Assert.Equal(2, runtime.Probe.Count("activated:idle"));
    }

    [Fact]
    public async Task DeactivateOnIdleDeactivatesAfterTheCurrentTurnAndTheNextCallActivatesAfresh()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var grain = runtime.Grains.GetGrain<ILifecycleGrain>("quitter");
        await grain.PingAsync();

        await grain.DeactivateAsync();
        await runtime.Probe.WaitForAsync("deactivated:quitter:Requested");

        Assert.Equal(1, await grain.PingAsync());
        Assert.Equal(2, runtime.Probe.Count("activated:quitter"));
    }

    [Fact]
    public async Task TimerTicksRunUntilTheGrainIsDeactivated()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var grain = runtime.Grains.GetGrain<ILifecycleGrain>("ticking");
        await grain.StartTimerAsync(TimeSpan.FromSeconds(10));

        for (var tick = 1; tick <= 3; tick++)
        {
            runtime.Clock.Advance(TimeSpan.FromSeconds(10));
            await runtime.Probe.WaitForAsync("tick:ticking", tick);
        }

        await grain.DeactivateAsync();
        await runtime.Probe.WaitForAsync("deactivated:ticking:Requested");
        runtime.Clock.Advance(TimeSpan.FromMinutes(5));
        await runtime.Grains.GetGrain<ILifecycleGrain>("other").PingAsync();

        Assert.Equal(3, runtime.Probe.Count("tick:ticking"));
    }

    [Fact]
    public async Task HostShutdownDeactivatesEveryActivationGracefully()
    {
        var runtime = await TestRuntime.StartAsync();
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => runtime.Grains.GetGrain<ILifecycleGrain>($"s{i}").PingAsync()));

        await runtime.StopAsync();

        Assert.Equal(50, runtime.Probe.Events.Count(e => e.EndsWith(":Shutdown", StringComparison.Ordinal)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.Grains.GetGrain<ILifecycleGrain>("late").PingAsync());
        await runtime.DisposeAsync();
    }

    [Fact]
    public async Task ShutdownAbandonsAHangingOnDeactivateAfterTheDeactivationTimeout()
    {
        var runtime = await TestRuntime.StartAsync(options => options.DeactivationTimeout = TimeSpan.FromSeconds(10));
        runtime.Probe.HangOnDeactivate = true;
        await runtime.Grains.GetGrain<ILifecycleGrain>("stuck").PingAsync();

        var stopping = runtime.StopAsync();
        await runtime.Probe.WaitForAsync("deactivated:stuck:Shutdown");

        // Step the fake clock until the deadline's timer (created just after the hook started) has fired.
        for (var second = 0; second < 60 && !stopping.IsCompleted; second++)
        {
            runtime.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(stopping, Task.Delay(20));
        }

        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        runtime.Probe.Gate.SetResult();
        await runtime.DisposeAsync();
    }
}
