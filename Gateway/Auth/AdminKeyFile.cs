using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OrleansEvents.Hosting;

namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// The admin key a silo makes for itself when no key is configured: created once with owner-only
/// permissions (0600) in the data folder, and read back on later starts.
/// </summary>
public sealed class AdminKeyFile(IOptions<AuthOptions> auth, IOptions<StorageOptions> storage)
{
    private readonly Lock _gate = new();
    private string? _key;

    /// <summary>Where the key lives: <c>Auth:AdminKeyFile</c>, else <c>admin.key</c> beside the SQLite file.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(
        auth.Value.AdminKeyFile
        ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(storage.Value.SqlitePath)) ?? ".", "admin.key"));

    /// <summary>True when this process created the key (and so should show it once).</summary>
    public bool CreatedNow { get; private set; }

    public string LoadOrCreate()
    {
        lock (_gate)
        {
            return _key ??= Load() ?? Create();
        }
    }

    // A byte-order mark (an editor may add one) is not part of the key.
    private string? Load() => File.Exists(Path) && File.ReadAllText(Path).Trim().Trim('\uFEFF') is { Length: > 0 } key ? key : null;

    private string Create()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var key = "oe_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            // No byte-order mark: `cat data/admin.key` must print exactly the key.
            using var writer = new StreamWriter(Path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
            writer.WriteLine(key);
        }
        catch (IOException) when (Load() is { } other)
        {
            // Another process of the same data folder created it first; use theirs.
            return other;
        }

        CreatedNow = true;
        return key;
    }
}
