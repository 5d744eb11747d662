namespace OrleansEvents.Grains;

/// <summary>The events of one session (stream <c>session/{key}</c>).</summary>
public interface ISessionEventsGrain : IStreamEventsGrain;
