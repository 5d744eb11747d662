using Microsoft.Extensions.Options;

namespace OrleansEvents.Runtime.Reminders;

/// <summary>Rejects reminder settings that cannot work, at host start.</summary>
internal sealed class ReminderOptionsValidator : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        var failures = new List<string>();
        if (options.MinimumPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{ReminderOptions.SectionName}:{nameof(options.MinimumPeriod)} must be positive.");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{ReminderOptions.SectionName}:{nameof(options.PollInterval)} must be positive.");
        }

        if (options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add($"{ReminderOptions.SectionName}:{nameof(options.LeaseDuration)} must be positive.");
        }

        if (options.ClaimBatchSize < 1)
        {
            failures.Add($"{ReminderOptions.SectionName}:{nameof(options.ClaimBatchSize)} must be at least 1.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
