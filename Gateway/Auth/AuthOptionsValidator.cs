using System.Globalization;
using Microsoft.Extensions.Options;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Auth;

/// <summary>Refuses key settings that cannot work, naming the entry; never echoes a key.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var entry = options.ApiKeys[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{i}");
            if (string.IsNullOrWhiteSpace(entry.Key))
            {
                failures.Add($"{at}:Key is empty");
            }
            else if (ApiKeyHash.IsHashSpec(entry.Key) && !ApiKeyHash.TryParseSpec(entry.Key, out _))
            {
                failures.Add($"{at}:Key starts with sha256: but is not followed by 64 hex digits");
            }
            else if (!ApiKeyHash.IsHashSpec(entry.Key) && entry.Key.Length < 16)
            {
                failures.Add($"{at}:Key is shorter than 16 characters");
            }

            // The name stands for the key wherever the key may not be kept, so it must say which key.
            var keyName = entry.NameAt(i);
            if (keyName.Length is 0 or > EventLimits.MaxKeyNameLength || keyName.Trim() != keyName || keyName.Any(char.IsControl))
            {
                failures.Add($"{at}:Name must be 1–{EventLimits.MaxKeyNameLength} characters without control characters or surrounding spaces");
            }
            else if (!named.TryAdd(keyName, i))
            {
                failures.Add($"{at}:Name '{keyName}' is already the name of Auth:ApiKeys:{named[keyName]}; each key needs its own");
            }

            if (!ApiKeyRoles.TryParse(entry.Role, out _))
            {
                failures.Add($"{at}:Role must be read, write or admin");
            }

            try
            {
                EventValidator.EnsureValidTenant(entry.Tenant);
            }
            catch (EventValidationException)
            {
                failures.Add($"{at}:Tenant must be 1–100 characters of A-Z, a-z, 0-9, _, ., : and -");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
