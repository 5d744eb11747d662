namespace OrleansEvents.Grains;

/// <summary>Events that name no entity, one stream per category (stream <c>system/{category}</c>).</summary>
[Alias("oe.ISystemEventsGrain")]
public interface ISystemEventsGrain : IStreamEventsGrain;
