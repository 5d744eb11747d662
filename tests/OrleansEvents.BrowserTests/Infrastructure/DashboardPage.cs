using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace OrleansEvents.BrowserTests.Infrastructure;

/// <summary>One open dashboard in its own browser context, with the page's console kept for failure reports.</summary>
public sealed class DashboardPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>How long a live change may take to show: the "within 2 s".</summary>
    public static readonly TimeSpan LiveDeadline = TimeSpan.FromSeconds(2);

    public IPage Page { get; } = page;

    public ConcurrentQueue<string> Console { get; } = new();

    /// <summary>Opens the dashboard of <paramref name="address"/> (a full URL, as an operator would paste it) in a new context.</summary>
    public static async Task<DashboardPage> OpenAsync(IBrowser browser, Uri address, int width = 1280, Func<IBrowserContext, Task>? prepare = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"{address.Scheme}://{address.Authority}",
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        if (prepare is not null)
        {
            await prepare(context);
        }

        var page = await context.NewPageAsync();
        var dashboard = new DashboardPage(context, page);
        page.Console += (_, message) => dashboard.Console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => dashboard.Console.Enqueue($"pageerror: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                dashboard.Console.Enqueue($"http {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
        await page.GotoAsync(address.ToString());
        await dashboard.WaitUntilReadyAsync();
        return dashboard;
    }

    /// <summary>Signed in, history loaded and the live feeds connected.</summary>
    public async Task WaitUntilReadyAsync()
    {
        await Page.WaitForSelectorAsync("body[data-ready='true']");
        await Page.WaitForSelectorAsync("#connection[data-state='live']");
    }

    /// <summary>The row of an event in the tail.</summary>
    public ILocator Row(long id) => Page.Locator($"#tail li[data-id='{id}']:not([data-flag])");

    public async Task<long[]> TailIdsAsync() =>
        await Page.EvalOnSelectorAllAsync<long[]>("#tail li:not([data-flag])", "rows => rows.map(r => Number(r.dataset.id))");

    public async Task SaveFailureAsync(string name)
    {
        var folder = Artifacts.Folder();
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        await File.WriteAllLinesAsync(Path.Combine(folder, $"{name}.console.log"), Console);
    }

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}
