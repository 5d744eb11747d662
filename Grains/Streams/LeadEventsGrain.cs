using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

[GrainType("events.lead")]
public sealed class LeadEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), ILeadEventsGrain
{
    protected override StreamKind Kind => StreamKind.Lead;
}
