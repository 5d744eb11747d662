using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Sending;

namespace OrleansEvents.Client.Logging;

/// <summary>
/// The ILogger bridge: log entries at or above <see cref="EventLoggerOptions.MinimumLevel"/> become events
/// (<see cref="LogEntryEvents"/>), queued like any recording. It depends on the queue only, never on the
/// sender, whose own logger would otherwise need this provider to exist first.
/// </summary>
[ProviderAlias("OrleansEvents")]
internal sealed class EventLoggerProvider(EventQueue queue, IOptionsMonitor<EventLoggerOptions> options) : ILoggerProvider, ISupportExternalScope
{
    /// <summary>
    /// Never bridged: the client's own entries (its failures would queue more of what cannot be sent), its HTTP
    /// client's, and Orleans' (with the cluster client they describe the very outage the events would wait out).
    /// </summary>
    private static readonly string[] OwnCategories =
    [
        typeof(EventSender).Namespace!, typeof(Reading.IEventReader).Namespace!, typeof(Recording.IEventRecorder).Namespace!,
        typeof(EventLoggerProvider).Namespace!, typeof(Hosting.OrleansEventsOptions).Namespace!,
        "System.Net.Http.HttpClient." + HttpEventTransport.HttpClientName, "Orleans",
    ];

    private readonly ConcurrentDictionary<string, EventLogger> _loggers = new(StringComparer.Ordinal);
    private IExternalScopeProvider? _scopes;

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new EventLogger(name, IsOwn(name), this));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    internal EventLoggerOptions Options => options.CurrentValue;

    internal IExternalScopeProvider? Scopes => _scopes;

    internal void Record(Events.NewEvent newEvent) => queue.Add(newEvent);

    private static bool IsOwn(string category) => OwnCategories.Any(own =>
        category.StartsWith(own, StringComparison.Ordinal) && (category.Length == own.Length || category[own.Length] == '.'));
}
