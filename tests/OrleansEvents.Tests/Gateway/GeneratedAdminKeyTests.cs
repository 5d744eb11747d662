using System.Net;
using System.Text.RegularExpressions;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>A silo started with no key configured, as an operator starts it: it makes, shows once, keeps and reuses an admin key.</summary>
public sealed partial class GeneratedAdminKeyTests : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-key-").FullName;

    [Fact]
    public async Task FirstStartCreatesPrintsAndStoresAnAdminKeyThatLaterStartsReuseSilently()
    {
        string key;
        await using (var first = SiloProcess.Start(_directory))
        {
            await first.WaitUntilReadyAsync(StartTimeout);
            key = await WaitForKeyAsync(first);
            Assert.Contains($"Dashboard: {first.BaseAddress.ToString().TrimEnd('/')}/", first.Output, StringComparison.Ordinal);
            using var admin = new HttpClient { BaseAddress = first.BaseAddress };
            admin.DefaultRequestHeaders.Add("X-API-Key", key);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/events")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await new HttpClient { BaseAddress = first.BaseAddress }.GetAsync("/api/events")).StatusCode);
        }

        var file = Path.Combine(_directory, "data", "admin.key");
        // Byte for byte, as `cat data/admin.key` shows it: no byte-order mark.
        Assert.Equal(key + "\n", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(file)));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await using var second = SiloProcess.Start(_directory);
        await second.WaitUntilReadyAsync(StartTimeout);
        using var again = new HttpClient { BaseAddress = second.BaseAddress };
        again.DefaultRequestHeaders.Add("X-API-Key", key);

        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/events")).StatusCode);
        Assert.DoesNotContain(key, second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, second.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredKeysMeanNoKeyIsGenerated()
    {
        await using var silo = SiloProcess.Start(_directory, "--Auth:ApiKeys:0:Key=configured-key-0123456789", "--Auth:ApiKeys:0:Role=admin");
        await silo.WaitUntilReadyAsync(StartTimeout);

        Assert.False(File.Exists(Path.Combine(_directory, "data", "admin.key")));
        Assert.DoesNotContain("admin key was generated", silo.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidKeySettingsStopTheSiloWithOneLine()
    {
        await using var silo = SiloProcess.Start(_directory, "--Auth:ApiKeys:0:Key=short", "--Auth:ApiKeys:0:Role=boss");

        var exitCode = await silo.WaitForExitAsync(StartTimeout);

        Assert.Equal(1, exitCode);
        Assert.Contains("Auth:ApiKeys:0:Role must be read, write or admin", silo.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("short", silo.Errors.Replace("shorter", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silo.Output + silo.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "data", "events.db")), "storage was touched before the settings were checked");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<string> WaitForKeyAsync(SiloProcess silo)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            if (KeyLine().Match(silo.Output) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The generated key was not printed. Output:\n" + silo.Output);
            }

            await Task.Delay(50);
        }
    }

    [GeneratedRegex(@"^\s+(oe_[A-Za-z0-9_-]{20,})\s*$", RegexOptions.Multiline)]
    private static partial Regex KeyLine();
}
