using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OrleansEvents.Client.Hosting;

namespace OrleansEvents.Client.Logging;

/// <summary>Adds the ILogger bridge: <c>builder.Logging.AddOrleansEvents()</c>.</summary>
public static class OrleansEventsLoggingBuilderExtensions
{
    /// <summary>
    /// Turns log entries at or above <see cref="EventLoggerOptions.MinimumLevel"/> (default Warning) into events, sent as the
    /// client sends every event (registering it with the options of section <c>OrleansEvents</c> if not done yet).
    /// </summary>
    public static ILoggingBuilder AddOrleansEvents(this ILoggingBuilder builder, Action<EventLoggerOptions>? configure = null)
    {
        builder.Services.AddOrleansEvents();
        builder.Services.AddOptions<EventLoggerOptions>().BindConfiguration(EventLoggerOptions.SectionName);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, EventLoggerProvider>());
        return builder;
    }
}
