using OrleansEvents.Events;

namespace OrleansEvents.Client.Sending;

/// <summary>Stores a batch of events, each carrying its event id, so sending it again stores nothing twice.</summary>
internal interface IEventTransport
{
    /// <exception cref="EventsRejectedException">The store refused the batch for what it holds; sending it again cannot help.</exception>
    /// <remarks>Any other exception means the store could not be reached or failed; the batch may be sent again.</remarks>
    Task SendAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken);
}
