namespace OrleansEvents.Grains;

/// <summary>The events of one workflow (stream <c>workflow/{key}</c>).</summary>
[Alias("oe.IWorkflowEventsGrain")]
public interface IWorkflowEventsGrain : IStreamEventsGrain;
