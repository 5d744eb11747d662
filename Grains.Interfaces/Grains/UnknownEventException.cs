namespace OrleansEvents.Grains;

/// <summary>Ids that are not events of the stream (or tenant) they were sent to. Callers see this as "not found", never as "forbidden".</summary>
public sealed class UnknownEventException(IReadOnlyList<long> ids)
    : Exception($"No such event: {string.Join(", ", ids)}.")
{
    public IReadOnlyList<long> Ids { get; } = ids;
}
