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
