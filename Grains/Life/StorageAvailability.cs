namespace OrleansEvents.Life;

/// <summary>
/// Whether the store answered lately, shared by the monitor that probes it and the writer that
/// fails fast while it is down instead of making every caller wait for a connect timeout.
/// </summary>
public sealed class StorageAvailability
{
    private readonly Lock _gate = new();

    public bool IsDown { get; private set; }

    public DateTimeOffset? DownSince { get; private set; }

    public string? Reason { get; private set; }

    /// <summary>Marks the store down; true if it was up until now.</summary>
    public bool MarkDown(DateTimeOffset at, string reason)
    {
        lock (_gate)
        {
            if (IsDown)
            {
                return false;
            }

            (IsDown, DownSince, Reason) = (true, at, reason);
            return true;
        }
    }

    /// <summary>Marks the store up; returns when it went down, or null if it was not down.</summary>
    public (DateTimeOffset Since, string Reason)? MarkUp()
    {
        lock (_gate)
        {
            if (!IsDown)
            {
                return null;
            }

            var outage = (DownSince!.Value, Reason!);
            (IsDown, DownSince, Reason) = (false, null, null);
            return outage;
        }
    }
}
