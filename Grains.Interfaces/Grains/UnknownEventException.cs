namespace OrleansEvents.Grains;

/// <summary>Ids that are not events of the stream (or tenant) they were sent to. Callers see this as "not found", never as "forbidden".</summary>
[GenerateSerializer]
[Alias("oe.UnknownEventException")]
public sealed class UnknownEventException(IReadOnlyList<long> ids)
    : Exception($"No such event: {string.Join(", ", ids)}.")
{
    [Id(0)]
    public IReadOnlyList<long> Ids { get; } = ids.ToArray();
}
