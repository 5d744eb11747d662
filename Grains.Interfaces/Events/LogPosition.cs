using System.Globalization;

namespace OrleansEvents.Events;

/// <summary>
/// A place in the committed log, ordered by (writing transaction, id). Ids alone are not enough:
/// under concurrent writers a higher id can commit before a lower one, so a reader that only
/// remembered ids could step over an event that commits later (docs/architecture.md §6).
/// Written as <c>{transactionId}-{id}</c>.
/// </summary>
[GenerateSerializer]
[Alias("oe.LogPosition")]
[Immutable]
public readonly record struct LogPosition([Id(0)] ulong TransactionId, [Id(1)] long Id) : IComparable<LogPosition>
{
    /// <summary>Before every event.</summary>
    public static readonly LogPosition Start = new(0, 0);

    public int CompareTo(LogPosition other)
    {
        var byTransaction = TransactionId.CompareTo(other.TransactionId);
        return byTransaction != 0 ? byTransaction : Id.CompareTo(other.Id);
    }

    public static bool operator <(LogPosition left, LogPosition right) => left.CompareTo(right) < 0;

    public static bool operator >(LogPosition left, LogPosition right) => left.CompareTo(right) > 0;

    public static bool operator <=(LogPosition left, LogPosition right) => left.CompareTo(right) <= 0;

    public static bool operator >=(LogPosition left, LogPosition right) => left.CompareTo(right) >= 0;

    public static bool TryParse(string? text, out LogPosition position)
    {
        position = Start;
        var dash = text?.IndexOf('-') ?? -1;
        if (dash <= 0
            || !ulong.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var transactionId)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }

        position = new LogPosition(transactionId, id);
        return true;
    }

    public static LogPosition Parse(string text) =>
        TryParse(text, out var position) ? position : throw new FormatException($"'{text}' is not a log position.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{TransactionId}-{Id}");
}
