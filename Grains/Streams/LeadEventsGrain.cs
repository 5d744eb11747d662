using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

public sealed class LeadEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), ILeadEventsGrain
{
    protected override StreamKind Kind => StreamKind.Lead;
}
