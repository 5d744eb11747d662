using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// The accepted keys, held as SHA-256 hashes. A presented key is hashed once and compared with
/// every entry in constant time (<see cref="CryptographicOperations.FixedTimeEquals"/>), all entries
/// always, so neither the comparison nor the entry's position leaks through timing.
/// </summary>
public sealed class ApiKeyRing
{
    private readonly IReadOnlyList<(byte[] Hash, ApiKeyIdentity Identity)> _entries;

    public ApiKeyRing(IOptions<AuthOptions> options, AdminKeyFile adminKeyFile)
    {
        var configured = options.Value.ApiKeys;
        var entries = new List<(byte[], ApiKeyIdentity)>();
        for (var i = 0; i < configured.Count; i++)
        {
            var entry = configured[i];
            var hash = ApiKeyHash.IsHashSpec(entry.Key) && ApiKeyHash.TryParseSpec(entry.Key, out var parsed) ? parsed : ApiKeyHash.Of(entry.Key);
            ApiKeyRoles.TryParse(entry.Role, out var role);
            entries.Add((hash, new ApiKeyIdentity(entry.NameAt(i), role, entry.Tenant)));
        }

        if (entries.Count == 0)
        {
            // Nothing configured: the silo is still never open; it runs on a generated admin key.
            entries.Add((ApiKeyHash.Of(adminKeyFile.LoadOrCreate()), new ApiKeyIdentity("generated-admin", ApiKeyRole.Admin, AuthOptions.DefaultTenant)));
        }

        _entries = entries;
    }

    /// <summary>Whether a key standing for exactly this identity (name, role, tenant) is still configured.</summary>
    public bool Holds(ApiKeyIdentity identity) => _entries.Any(entry => entry.Identity == identity);

    public bool TryFind(string presented, out ApiKeyIdentity identity)
    {
        var hash = ApiKeyHash.Of(presented);
        ApiKeyIdentity? found = null;
        foreach (var (candidate, entry) in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash) && found is null)
            {
                found = entry;
            }
        }

        identity = found!;
        return found is not null;
    }
}
