using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.BrowserTests.Infrastructure;

/// <summary>
/// One real silo (SQLite, its own temporary folder, a free loopback port, three keys) and one
/// headless Debian Chromium driven by Playwright, shared by the dashboard tests.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string AdminKey = "browser-admin-key-0123456789";
    public const string WriteKey = "browser-write-key-0123456789";
    public const string ReadKey = "browser-read-key-01234567890";

    /// <summary>Debian's Chromium; browsers are never downloaded (no `playwright install`).</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _directory = Directory.CreateTempSubdirectory("oe-browser-").FullName;
    private IPlaywright? _playwright;

    public SiloProcess Silo { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium (.ci/run does).");
        }

        Artifacts.ClearFailures();
        Silo = SiloProcess.Start(_directory,
            $"--Auth:ApiKeys:0:Key={AdminKey}", "--Auth:ApiKeys:0:Role=admin", "--Auth:ApiKeys:0:Name=ops-admin",
            $"--Auth:ApiKeys:1:Key={WriteKey}", "--Auth:ApiKeys:1:Role=write", "--Auth:ApiKeys:1:Name=support",
            $"--Auth:ApiKeys:2:Key={ReadKey}", "--Auth:ApiKeys:2:Role=read", "--Auth:ApiKeys:2:Name=viewer",
            "--Gateway:HubStatsInterval=00:00:01", "--Events:Stats:CacheFor=00:00:01", "--Gateway:RateLimit:Enabled=false");
        await Silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        Admin = Client(AdminKey);

        _playwright = await Playwright.CreateAsync();
        // Playwright gives every launch a fresh temporary profile (user-data dir).
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = Silo.BaseAddress };
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    /// <summary>Appends events through the HTTP API as a service would; returns the stored events.</summary>
    public async Task<JsonElement[]> PostAsync(params object[] events)
    {
        var response = await Admin.PostAsJsonAsync("/api/events", events);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray()];
    }

    public async Task<JsonElement> GetEventAsync(long id) =>
        JsonDocument.Parse(await Admin.GetStringAsync($"/api/events/{id}")).RootElement;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        Admin?.Dispose();
        if (Silo is not null)
        {
            await Silo.DisposeAsync();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
