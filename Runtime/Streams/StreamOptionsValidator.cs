using Microsoft.Extensions.Options;

namespace OrleansEvents.Runtime.Streams;

/// <summary>Rejects stream settings that cannot work, at host start.</summary>
internal sealed class StreamOptionsValidator : IValidateOptions<StreamOptions>
{
    public ValidateOptionsResult Validate(string? name, StreamOptions options) =>
        options.SubscriberBufferCapacity < 1
            ? ValidateOptionsResult.Fail($"{StreamOptions.SectionName}:{nameof(options.SubscriberBufferCapacity)} must be at least 1.")
            : ValidateOptionsResult.Success;
}
