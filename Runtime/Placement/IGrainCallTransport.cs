namespace OrleansEvents.Runtime.Placement;

/// <summary>Carries a call to the silo chosen by <see cref="IGrainPlacement"/>.</summary>
public interface IGrainCallTransport
{
    /// <summary>
    /// Hands <paramref name="call"/> to <paramref name="silo"/>. Returns as soon as the call is queued; the
    /// call completes on its own. Throws if the silo cannot be reached.
    /// </summary>
    void Send(SiloAddress silo, IGrainCall call);
}
