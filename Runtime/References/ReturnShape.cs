namespace OrleansEvents.Runtime.References;

/// <summary>How a grain method hands its result back: which awaitable the caller expects.</summary>
internal enum ReturnShape
{
    /// <summary><c>Task</c> or <c>Task&lt;T&gt;</c>: the call's task itself.</summary>
    Task,

    /// <summary><c>ValueTask</c>: wraps the call's task.</summary>
    ValueTask,

    /// <summary><c>ValueTask&lt;T&gt;</c>: wraps the call's task.</summary>
    ValueTaskOf,
}
