using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

[GrainType("events.system")]
public sealed class SystemEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), ISystemEventsGrain
{
    protected override StreamKind Kind => StreamKind.System;
}
