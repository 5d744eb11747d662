using System.Linq.Expressions;
using System.Reflection;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.References;

/// <summary>
/// What the runtime knows about one grain interface method, computed once: its result type, whether it
/// interleaves, and a compiled delegate that calls it on a grain instance without reflection.
/// </summary>
internal abstract class GrainMethod(MethodInfo method)
{
    public MethodInfo Method => method;

    public bool IsInterleaved { get; } = method.IsDefined(typeof(InterleaveAttribute), inherit: true);

    /// <summary>Sends a call through <paramref name="dispatcher"/> and returns what the interface method returns.</summary>
    public abstract object Invoke(GrainCallDispatcher dispatcher, GrainId target, object?[] arguments);

    public static GrainMethod Create(MethodInfo method)
    {
        if (method.IsGenericMethodDefinition || method.GetParameters().Any(p => p.ParameterType.IsByRef))
        {
            throw new InvalidOperationException($"Grain method {Describe(method)} may not be generic or take ref/out parameters.");
        }

        var returnType = method.ReturnType;
        var (shape, resultType, adapter) = returnType switch
        {
            _ when returnType == typeof(Task) => (ReturnShape.Task, typeof(object), nameof(ReturnAdapters.FromTask)),
            _ when returnType == typeof(ValueTask) => (ReturnShape.ValueTask, typeof(object), nameof(ReturnAdapters.FromValueTask)),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(Task<>) =>
                (ReturnShape.Task, returnType.GetGenericArguments()[0], nameof(ReturnAdapters.FromTaskOf)),
            { IsGenericType: true } when returnType.GetGenericTypeDefinition() == typeof(ValueTask<>) =>
                (ReturnShape.ValueTaskOf, returnType.GetGenericArguments()[0], null),
            _ => throw new InvalidOperationException(
                $"Grain method {Describe(method)} must return Task, Task<T>, ValueTask or ValueTask<T>."),
        };

        var grain = Expression.Parameter(typeof(object), "grain");
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var parameters = method.GetParameters().Select((p, i) =>
            Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType));
        Expression body = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        if (adapter is not null)
        {
            var adapterMethod = typeof(ReturnAdapters).GetMethod(adapter)!;
            body = Expression.Call(adapterMethod.IsGenericMethodDefinition ? adapterMethod.MakeGenericMethod(resultType) : adapterMethod, body);
        }

        var invokerType = typeof(Func<,,>).MakeGenericType(typeof(object), typeof(object?[]), typeof(ValueTask<>).MakeGenericType(resultType));
        var invoker = Expression.Lambda(invokerType, body, grain, arguments).Compile();
        return (GrainMethod)Activator.CreateInstance(typeof(GrainMethod<>).MakeGenericType(resultType), method, shape, invoker)!;
    }

    public static string Describe(MethodInfo method) => $"{method.DeclaringType?.Name}.{method.Name}";

    public override string ToString() => Describe(method);
}
