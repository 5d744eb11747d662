using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Commands;

/// <summary>Finds the grain of a tenant's stream: the stream's kind picks the grain interface.</summary>
public static class StreamGrains
{
    public static IStreamEventsGrain For(this IGrainFactory grains, string tenantId, StreamId stream)
    {
        var key = StreamGrainKey.Of(tenantId, stream);
        return stream.Kind switch
        {
            StreamKind.Session => grains.GetGrain<ISessionEventsGrain>(key),
            StreamKind.Lead => grains.GetGrain<ILeadEventsGrain>(key),
            StreamKind.Device => grains.GetGrain<IDeviceEventsGrain>(key),
            StreamKind.Workflow => grains.GetGrain<IWorkflowEventsGrain>(key),
            StreamKind.System => grains.GetGrain<ISystemEventsGrain>(key),
            _ => throw new ArgumentOutOfRangeException(nameof(stream), stream.Kind, null),
        };
    }
}
