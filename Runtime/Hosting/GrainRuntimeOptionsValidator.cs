using Microsoft.Extensions.Options;

namespace OrleansEvents.Runtime.Hosting;

/// <summary>Rejects runtime settings that cannot work, at host start.</summary>
internal sealed class GrainRuntimeOptionsValidator : IValidateOptions<GrainRuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, GrainRuntimeOptions options)
    {
        var failures = new List<string>();
        RequirePositive(failures, nameof(options.CallTimeout), options.CallTimeout);
        RequirePositive(failures, nameof(options.CollectionAge), options.CollectionAge);
        RequirePositive(failures, nameof(options.CollectionQuantum), options.CollectionQuantum);
        RequirePositive(failures, nameof(options.DeactivationTimeout), options.DeactivationTimeout);
        RequirePositive(failures, nameof(options.ShutdownTimeout), options.ShutdownTimeout);
        if (options.CollectionQuantum > options.CollectionAge)
        {
            failures.Add($"{GrainRuntimeOptions.SectionName}:{nameof(options.CollectionQuantum)} must not exceed {nameof(options.CollectionAge)}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{GrainRuntimeOptions.SectionName}:{name} must be positive.");
        }
    }
}
