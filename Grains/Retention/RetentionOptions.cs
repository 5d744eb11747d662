using System.ComponentModel.DataAnnotations;
using OrleansEvents.Events;

namespace OrleansEvents.Retention;

/// <summary>How long events are kept. Section <c>Events:Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Events:Retention";

    /// <summary>Days an event is kept; 0 keeps events forever. Default 30.</summary>
    [Range(0, 36_500)]
    public int Days { get; set; } = 30;

    /// <summary>Days per severity, overriding <see cref="Days"/> (0 = forever), e.g. <c>Events:Retention:SeverityDays:info = 7</c>.</summary>
    public Dictionary<Severity, int> SeverityDays { get; set; } = [];

    /// <summary>Days per category, overriding severity and default (0 = forever), e.g. <c>Events:Retention:CategoryDays:stripe = 365</c>.</summary>
    public Dictionary<string, int> CategoryDays { get; set; } = [];

    /// <summary>The UTC time of day of the daily run, <c>HH:MM</c>. Default <c>02:00</c>.</summary>
    [RegularExpression("^([01][0-9]|2[0-3]):[0-5][0-9]$")]
    public string CleanupTime { get; set; } = "02:00";

    /// <summary>
    /// How often the Orleans reminder wakes the retention grain. Each wake runs the latest occurrence of
    /// <see cref="CleanupTime"/> that has not run yet, so a shorter period only catches up sooner after
    /// downtime; it never runs a day twice. Default one day, due at <see cref="CleanupTime"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Also delete unresolved problems that are old enough. Default false: open problems stay until resolved.</summary>
    public bool DeleteUnresolved { get; set; }

    /// <summary>Rows deleted per transaction. Default 5 000.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 5000;

    public TimeOnly CleanupTimeOfDay => TimeOnly.ParseExact(CleanupTime, "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
