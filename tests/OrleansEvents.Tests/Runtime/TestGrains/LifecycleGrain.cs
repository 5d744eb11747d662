using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>Records its lifecycle in the probe: activated:key, deactivated:key:reason, tick:key, called:key.</summary>
public sealed class LifecycleGrain(RuntimeProbe probe) : Grain, ILifecycleGrain
{
    private bool _activated;
    private int _calls;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (probe.TakeActivationFailure())
        {
            probe.Record($"activation-failed:{GrainKey}");
            throw new LifecycleGrainException($"activation of {GrainKey} failed");
        }

        _activated = true;
        probe.Record($"activated:{GrainKey}");
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{GrainKey}:{reason}");
        if (probe.HangOnDeactivate)
        {
            await probe.Gate.Task;
        }
    }

    public Task<int> PingAsync()
    {
        probe.Record($"called:{GrainKey}");
        return Task.FromResult(++_calls);
    }

    public Task<bool> WasActivatedFirstAsync() => Task.FromResult(_activated);

    public Task ThrowAsync(string message) => throw new LifecycleGrainException(message);

    public Task DeactivateAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task StartTimerAsync(TimeSpan period)
    {
        RegisterTimer(
            _ =>
            {
                probe.Record($"tick:{GrainKey}");
                return Task.CompletedTask;
            },
            period,
            period);
        return Task.CompletedTask;
    }

    public async Task BlockAsync()
    {
        probe.Record($"blocked:{GrainKey}");
        await probe.Gate.Task;
    }

    public Task<string> PeekAsync() => Task.FromResult($"peeked:{GrainKey}");
}
