namespace OrleansEvents.Runtime.Reminders;

/// <summary>Settings of durable reminders, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section: <c>Runtime:Reminders</c>.</summary>
    public const string SectionName = "Runtime:Reminders";

    /// <summary>The shortest allowed period. Default 1 min; tests may lower it.</summary>
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each silo looks for due reminders. Default 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a claimed tick is reserved for the claiming silo; if that silo dies mid-tick another silo
    /// fires it after the lease runs out. Keep it above the call timeout. Default 2 min.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How many due reminders one claim takes at most. Default 100.</summary>
    public int ClaimBatchSize { get; set; } = 100;
}
