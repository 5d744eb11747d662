namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>An invalid contract: grain methods must return a task.</summary>
public interface ISynchronousGrain
{
    int Count();
}
