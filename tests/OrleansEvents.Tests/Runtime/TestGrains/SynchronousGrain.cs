namespace OrleansEvents.Tests.Runtime.TestGrains;

public sealed class SynchronousGrain : ISynchronousGrain
{
    public int Count() => 0;
}
