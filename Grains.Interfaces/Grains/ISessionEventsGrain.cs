namespace OrleansEvents.Grains;

/// <summary>The events of one session (stream <c>session/{key}</c>).</summary>
[Alias("oe.ISessionEventsGrain")]
public interface ISessionEventsGrain : IStreamEventsGrain;
