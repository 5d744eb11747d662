namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>
/// What the test grains saw, shared by the grains of one test (a singleton in the runtime's container).
/// Tests wait on it for conditions instead of sleeping.
/// </summary>
public sealed class RuntimeProbe
{
    private readonly Lock _lock = new();
    private readonly List<string> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many upcoming activations should fail in OnActivateAsync.</summary>
    public int FailingActivations { get; set; }

    /// <summary>When set, OnDeactivateAsync waits for <see cref="Gate"/> and ignores its cancellation token.</summary>
    public bool HangOnDeactivate { get; set; }

    /// <summary>Released by tests to let blocked grain methods finish.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public int Count(string evt) => Events.Count(e => e == evt);

    public void Record(string evt)
    {
        TaskCompletionSource changed;
        lock (_lock)
        {
            _events.Add(evt);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public bool TakeActivationFailure()
    {
        lock (_lock)
        {
            if (FailingActivations == 0)
            {
                return false;
            }

            FailingActivations--;
            return true;
        }
    }

    /// <summary>Waits (at most ten real seconds) until <paramref name="condition"/> holds for the recorded events.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<string>, bool> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task changed;
            lock (_lock)
            {
                if (condition(_events))
                {
                    return;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Condition not met; events: {string.Join(", ", Events)}");
            }
        }
    }

    public Task WaitForAsync(string evt, int count = 1) => WaitUntilAsync(events => events.Count(e => e == evt) >= count);
}
