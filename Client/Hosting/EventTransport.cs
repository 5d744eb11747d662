namespace OrleansEvents.Client.Hosting;

/// <summary>How the client sends events.</summary>
public enum EventTransport
{
    /// <summary><c>POST /api/events</c> to <see cref="OrleansEventsOptions.Endpoint"/> with <see cref="OrleansEventsOptions.ApiKey"/>.</summary>
    Http,

    /// <summary>Grain calls through the <c>IClusterClient</c> the host already has, to <see cref="OrleansEventsOptions.Tenant"/>.</summary>
    ClusterClient,
}
