using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

[GrainType("events.workflow")]
public sealed class WorkflowEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), IWorkflowEventsGrain
{
    protected override StreamKind Kind => StreamKind.Workflow;
}
