using OrleansEvents.Events;
using OrleansEvents.Grains;

namespace OrleansEvents.Streams;

public sealed class WorkflowEventsGrain(StreamGrainServices services) : StreamEventsGrain(services), IWorkflowEventsGrain
{
    protected override StreamKind Kind => StreamKind.Workflow;
}
