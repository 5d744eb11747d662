namespace OrleansEvents.Grains;

/// <summary>The events of one workflow (stream <c>workflow/{key}</c>).</summary>
public interface IWorkflowEventsGrain : IStreamEventsGrain;
