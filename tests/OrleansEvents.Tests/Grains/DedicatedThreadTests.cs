using OrleansEvents.Threading;

namespace OrleansEvents.Tests.Grains;

public sealed class DedicatedThreadTests
{
    [Fact]
    public async Task EveryContinuationOfTheLoopComesBackToItsOwnThread()
    {
        var threads = new List<int>();
        await DedicatedThread.Run("test loop", async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                threads.Add(Environment.CurrentManagedThreadId);
                await Task.Delay(1);
                await Task.Yield();
                await Task.Run(() => Thread.Sleep(1));
            }

            threads.Add(Environment.CurrentManagedThreadId);
        });

        Assert.Equal(6, threads.Count);
        Assert.Single(threads.Distinct());
        Assert.NotEqual(Environment.CurrentManagedThreadId, threads[0]);
    }

    [Fact]
    public async Task TheLoopsFailureAndCancellationReachItsTask()
    {
        var failed = DedicatedThread.Run("failing loop", async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("broken");
        });
        var cancelled = DedicatedThread.Run("cancelled loop", async () =>
        {
            await Task.Yield();
            throw new OperationCanceledException();
        });

        Assert.Equal("broken", (await Assert.ThrowsAsync<InvalidOperationException>(() => failed)).Message);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
    }

    [Fact]
    public async Task WorkPostedAfterTheLoopEndedStillRuns()
    {
        SynchronizationContext? context = null;
        await DedicatedThread.Run("short loop", () =>
        {
            context = SynchronizationContext.Current;
            return Task.CompletedTask;
        });
        var ran = new TaskCompletionSource();

        context!.Post(_ => ran.SetResult(), null);

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
