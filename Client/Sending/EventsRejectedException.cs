namespace OrleansEvents.Client.Sending;

/// <summary>The store refused a batch for what it holds (a broken rule, a body too large); sending it again cannot help.</summary>
internal sealed class EventsRejectedException(string reason) : Exception(reason);
