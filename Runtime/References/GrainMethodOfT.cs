using System.Reflection;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.References;

/// <summary>A grain method whose call completes with <typeparamref name="TResult"/>.</summary>
internal sealed class GrainMethod<TResult>(MethodInfo method, ReturnShape shape, Func<object, object?[], ValueTask<TResult>> invoker)
    : GrainMethod(method)
{
    /// <summary>Calls the method on a grain instance; may throw synchronously.</summary>
    public Func<object, object?[], ValueTask<TResult>> Invoker => invoker;

    public override object Invoke(GrainCallDispatcher dispatcher, GrainId target, object?[] arguments)
    {
        var task = dispatcher.Call(target, this, arguments);
        return shape switch
        {
            ReturnShape.ValueTask => new ValueTask(task),
            ReturnShape.ValueTaskOf => new ValueTask<TResult>(task),
            _ => task,
        };
    }
}
