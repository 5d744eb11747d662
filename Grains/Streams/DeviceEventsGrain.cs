using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

[GrainType("events.device")]
public sealed class DeviceEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), IDeviceEventsGrain
{
    protected override StreamKind Kind => StreamKind.Device;
}
