namespace OrleansEvents.ProblemGroups;

/// <summary>The Orleans stream (of provider <see cref="Fanout.StreamProviders.Events"/>) that carries <see cref="ProblemsChange"/>s of every tenant.</summary>
public static class ProblemsStream
{
    public const string Namespace = "problems";
    public const string Key = "changes";

    public static Orleans.Runtime.StreamId Id { get; } = Orleans.Runtime.StreamId.Create(Namespace, Key);
}
