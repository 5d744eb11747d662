namespace OrleansEvents.Runtime.References;

/// <summary>
/// Bring every grain method's awaitable to <c>ValueTask&lt;T&gt;</c> so one call type serves all shapes;
/// methods without a result use <c>object</c> and yield null. No allocation when already complete.
/// </summary>
internal static class ReturnAdapters
{
    public static ValueTask<object> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task);

    public static ValueTask<object> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : AwaitAsync(task.AsTask());

    public static ValueTask<T> FromTaskOf<T>(Task<T> task) => new(task);

    private static async ValueTask<object> AwaitAsync(Task task)
    {
        await task.ConfigureAwait(false);
        return null!;
    }
}
