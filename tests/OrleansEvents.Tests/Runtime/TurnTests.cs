using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Tests.Runtime.TestGrains;

namespace OrleansEvents.Tests.Runtime;

public sealed class TurnTests
{
    [Fact]
    public async Task HundredConcurrentCallsOnOneGrainNeverInterleaveAndKeepArrivalOrder()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var grain = runtime.Grains.GetGrain<ISequenceGrain>("one");

        var calls = Enumerable.Range(0, 100).Select(grain.AppendAsync).ToArray();
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 100), await grain.GetAsync());
        Assert.Equal(0, await grain.OverlapsAsync());
    }

    [Fact]
    public async Task CallsOnThousandGrainsRunInParallel()
    {
        // Every call waits inside its turn until all thousand have started: only parallel grains finish.
        await using var runtime = await TestRuntime.StartAsync(
            services: services => services.AddSingleton(new GrainBarrier(1000)));

        var calls = Enumerable.Range(0, 1000).Select(i => runtime.Grains.GetGrain<IBarrierGrain>($"g{i}").ArriveAsync());

        await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task InterleavedMethodRunsWhileAnotherCallHoldsTheTurn()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var grain = runtime.Grains.GetGrain<ILifecycleGrain>("busy");
        await grain.PingAsync();

        var blocked = grain.BlockAsync();
        await runtime.Probe.WaitForAsync("blocked:busy");

        Assert.Equal("peeked:busy", await grain.PeekAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.False(blocked.IsCompleted);
        runtime.Probe.Gate.SetResult();
        await blocked;
    }

    [Fact]
    public async Task CallCycleEndsInTimeoutNamingGrainAndMethod()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var a = runtime.Grains.GetGrain<ICycleGrain>("a");

        var ping = a.PingAsync("b");
        await runtime.Probe.WaitForAsync("relaying:b");
        runtime.Clock.Advance(TimeSpan.FromSeconds(31));

        // All three calls of the cycle are past their deadline; whichever fails first ends the cycle.
        var error = await Assert.ThrowsAsync<TimeoutException>(() => ping);
        Assert.Matches($@"^Call to {Regex.Escape(typeof(ICycleGrain).FullName!)}/[ab]\.(PingAsync|RelayAsync|PongAsync) timed out after 00:00:30\.$", error.Message);
    }

    [Fact]
    public async Task ValueTaskMethodsCompleteThroughTheReference()
    {
        await using var runtime = await TestRuntime.StartAsync();
        var grain = runtime.Grains.GetGrain<ISequenceGrain>("values");
        await grain.AppendAsync(1);

        await grain.ClearAsync();

        Assert.Empty(await grain.GetAsync());
        Assert.Equal(0, await grain.OverlapsAsync());
    }

    [Fact]
    public async Task GrainReferencesToTheSameGrainAreEqual()
    {
        await using var runtime = await TestRuntime.StartAsync();

        Assert.Equal(runtime.Grains.GetGrain<ISequenceGrain>("x"), runtime.Grains.GetGrain<ISequenceGrain>("x"));
        Assert.NotEqual(runtime.Grains.GetGrain<ISequenceGrain>("x"), runtime.Grains.GetGrain<ISequenceGrain>("y"));
    }
}
