using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

[GrainType("events.session")]
public sealed class SessionEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), ISessionEventsGrain
{
    protected override StreamKind Kind => StreamKind.Session;
}
