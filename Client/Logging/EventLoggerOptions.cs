using Microsoft.Extensions.Logging;

namespace OrleansEvents.Client.Logging;

/// <summary>Which log entries become events, and as what; bound from <c>OrleansEvents:Logging</c>.</summary>
public sealed class EventLoggerOptions
{
    public const string SectionName = "OrleansEvents:Logging";

    /// <summary>Entries at this level and above become events. Default <see cref="LogLevel.Warning"/>.</summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Warning;

    /// <summary>
    /// Event types by the entry's <c>EventId</c> name, or else by its logger category (<c>"PaymentFailed": "stripe.payment_failed"</c>).
    /// Unmapped entries get <c>{category}.{event id name in snake_case}</c>, or <c>{category}.log</c> without a name.
    /// </summary>
    public Dictionary<string, string> EventTypes { get; set; } = new(StringComparer.Ordinal);
}
