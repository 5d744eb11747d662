using System.Collections.Concurrent;

namespace OrleansEvents.Threading;

/// <summary>
/// Runs an async loop on a thread of its own: every continuation of the loop comes back to that
/// thread rather than queueing on the shared thread pool. For a long-lived loop that calls
/// synchronous I/O all the time: it blocks its own thread instead of a pool thread others need.
/// </summary>
public static class DedicatedThread
{
    /// <summary>Starts <paramref name="loop"/> on a new background thread; the task ends as the loop does.</summary>
    public static Task Run(string name, Func<Task> loop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunOnThisThread(loop, done)) { IsBackground = true, Name = name };
        thread.Start();
        return done.Task;
    }

    private static void RunOnThisThread(Func<Task> loop, TaskCompletionSource done)
    {
        var context = new LoopContext();
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = loop();
        }
        catch (Exception exception)
        {
            done.SetException(exception);
            return;
        }

        task.ContinueWith(_ => context.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        context.RunUntilComplete();
        if (task.IsFaulted)
        {
            done.SetException(task.Exception!.InnerExceptions);
        }
        else if (task.IsCanceled)
        {
            done.SetCanceled();
        }
        else
        {
            done.SetResult();
        }
    }

    /// <summary>Runs what is posted to it, in order, on the thread that calls <see cref="RunUntilComplete"/>.</summary>
    private sealed class LoopContext : SynchronizationContext
    {
        private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _posted = [];

        public override void Post(SendOrPostCallback d, object? state)
        {
            try
            {
                _posted.Add((d, state));
            }
            catch (InvalidOperationException)
            {
                // The loop has ended; whatever still comes back to it (a late timer) runs on the pool.
                ThreadPool.UnsafeQueueUserWorkItem(s => d(s), state, preferLocal: false);
            }
        }

        public override void Send(SendOrPostCallback d, object? state) =>
            throw new NotSupportedException("A dedicated loop's context only takes posts.");

        public override SynchronizationContext CreateCopy() => this;

        public void Complete() => _posted.CompleteAdding();

        public void RunUntilComplete()
        {
            foreach (var (callback, state) in _posted.GetConsumingEnumerable())
            {
                callback(state);
            }
        }
    }
}
