using Microsoft.Extensions.Logging;

namespace OrleansEvents.Client.Sending;

internal sealed partial class EventSender
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} events failed; they stay queued and are sent again with backoff until the store answers: {Reason}")]
    private static partial void LogSendFailing(ILogger logger, int count, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store answers again; queued events are being sent")]
    private static partial void LogSendRecovered(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventType} ({EventId}) was refused and dropped: {Reason}")]
    private static partial void LogRejected(ILogger logger, string eventType, string? eventId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The event sender stopped; what is queued is dropped")]
    private static partial void LogSenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} events were not sent within the shutdown time of {ShutdownTimeout} and are dropped")]
    private static partial void LogDroppedAtShutdown(ILogger logger, int count, TimeSpan shutdownTimeout);
}
