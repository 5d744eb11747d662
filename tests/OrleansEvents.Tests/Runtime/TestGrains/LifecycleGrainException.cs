namespace OrleansEvents.Tests.Runtime.TestGrains;

/// <summary>A grain-specific exception, to check that callers see the type thrown, not a wrapper.</summary>
public sealed class LifecycleGrainException(string message) : Exception(message);
