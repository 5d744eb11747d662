using System.Runtime.CompilerServices;

namespace OrleansEvents.BrowserTests.Infrastructure;

/// <summary>Base of the dashboard tests: opens pages, and when a test fails saves each page's screenshot and console log.</summary>
[Collection(DashboardCollection.Name)]
public abstract class DashboardTest(DashboardFixture fixture) : IAsyncLifetime
{
    private readonly List<DashboardPage> _pages = [];

    protected DashboardFixture Fixture { get; } = fixture;

    /// <summary>A short unique word, so each test sees only its own events.</summary>
    protected static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)];

    protected async Task<DashboardPage> OpenAsync(
        string key = DashboardFixture.AdminKey, string query = "", int width = 1280, Func<Microsoft.Playwright.IBrowserContext, Task>? prepare = null)
    {
        var separator = query.Length > 0 ? "&" : "";
        return await OpenAsync(new Uri(Fixture.Silo.BaseAddress, $"/?{query}{separator}key={Uri.EscapeDataString(key)}"), width, prepare);
    }

    protected async Task<DashboardPage> OpenAsync(Uri address, int width = 1280, Func<Microsoft.Playwright.IBrowserContext, Task>? prepare = null)
    {
        var page = await DashboardPage.OpenAsync(Fixture.Browser, address, width, prepare);
        _pages.Add(page);
        return page;
    }

    /// <summary>Runs the test body; on failure keeps what the pages showed and logged under TestResults/.</summary>
    protected async Task RunAsync(Func<Task> test, [CallerMemberName] string name = "")
    {
        try
        {
            await test();
        }
        catch
        {
            for (var i = 0; i < _pages.Count; i++)
            {
                await _pages[i].SaveFailureAsync(_pages.Count == 1 ? name : $"{name}-{i + 1}");
            }

            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.DisposeAsync();
        }
    }
}
