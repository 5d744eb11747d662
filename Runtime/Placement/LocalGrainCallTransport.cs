using OrleansEvents.Runtime.Activation;

namespace OrleansEvents.Runtime.Placement;

/// <summary>Delivers calls to this silo's activations; any other silo is unreachable without a cluster.</summary>
internal sealed class LocalGrainCallTransport(SiloAddress localSilo, ActivationCatalog catalog) : IGrainCallTransport
{
    public void Send(SiloAddress silo, IGrainCall call)
    {
        if (!ReferenceEquals(silo, localSilo) && silo != localSilo)
        {
            throw new InvalidOperationException($"Silo {silo} is not reachable: this runtime hosts a single silo ({localSilo}).");
        }

        catalog.Deliver(call.Target, (IGrainTurn)call);
    }
}
