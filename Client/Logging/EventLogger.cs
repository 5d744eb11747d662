using Microsoft.Extensions.Logging;

namespace OrleansEvents.Client.Logging;

/// <summary>One category's logger of the bridge; logging through it never throws.</summary>
internal sealed class EventLogger(string category, bool ignored, EventLoggerProvider provider) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => provider.Scopes?.Push(state);

    public bool IsEnabled(LogLevel logLevel) => !ignored && logLevel != LogLevel.None && logLevel >= provider.Options.MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        try
        {
            provider.Record(LogEntryEvents.From(category, logLevel, eventId, state, exception, formatter, provider.Scopes, provider.Options));
        }
        catch (Exception)
        {
            // A log call must not fail because its entry could not become an event (a value whose ToString throws).
        }
    }
}
