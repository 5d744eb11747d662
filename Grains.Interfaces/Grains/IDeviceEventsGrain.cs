namespace OrleansEvents.Grains;

/// <summary>The events of one device (stream <c>device/{key}</c>).</summary>
[Alias("oe.IDeviceEventsGrain")]
public interface IDeviceEventsGrain : IStreamEventsGrain;
