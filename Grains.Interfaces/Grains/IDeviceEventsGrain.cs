namespace OrleansEvents.Grains;

/// <summary>The events of one device (stream <c>device/{key}</c>).</summary>
public interface IDeviceEventsGrain : IStreamEventsGrain;
