namespace OrleansEvents.Grains;

/// <summary>The events of one lead (stream <c>lead/{key}</c>).</summary>
public interface ILeadEventsGrain : IStreamEventsGrain;
