namespace OrleansEvents.Grains;

/// <summary>The events of one lead (stream <c>lead/{key}</c>).</summary>
[Alias("oe.ILeadEventsGrain")]
public interface ILeadEventsGrain : IStreamEventsGrain;
