using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class PageTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task StatsHeaderCountsLiveAndDrawsTheLastDayPerHour() => RunAsync(async () =>
    {
        var dashboard = await OpenAsync();
        var page = dashboard.Page;
        await Expect(page.Locator("#histogram svg")).ToBeVisibleAsync();
        var before = long.Parse((await page.Locator("#stat-critical").TextContentAsync())!, System.Globalization.CultureInfo.InvariantCulture);

        await Fixture.PostAsync(new { event_type = "scheduler.job_failed", severity = "critical", workflow_id = Unique("w") });

        await Expect(page.Locator("#stat-critical")).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 2000 });
        var bars = page.Locator("#histogram rect[data-severity='critical']");
        await Expect(bars).ToHaveCountAsync(24);
        Assert.Equal(before + 1, (await bars.EvaluateAllAsync<long[]>("bars => bars.map(b => Number(b.dataset.count))")).Sum());
        await Expect(page.Locator("#stat-last time")).ToHaveTextAsync("just now");
    });

    [Fact]
    public Task DashboardWeighsUnder200KilobytesBesidesTheSignalRClient() => RunAsync(async () =>
    {
        var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.Silo.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            var responses = new List<IResponse>();
            page.Response += (_, response) =>
            {
                if (!response.Url.Contains("/api/", StringComparison.Ordinal) && !response.Url.Contains("/hubs/", StringComparison.Ordinal))
                {
                    lock (responses)
                    {
                        responses.Add(response);
                    }
                }
            };
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.NetworkIdle });

            // Bodies are read after the page settled: reading them inside the event raced the assertions.
            IResponse[] loaded;
            lock (responses)
            {
                loaded = [.. responses];
            }

            var sizes = new List<(string Url, int Bytes)>();
            foreach (var response in loaded)
            {
                sizes.Add((response.Url, (await response.BodyAsync()).Length + 300)); // 300: a generous allowance for headers
            }

            Assert.Contains(sizes, s => s.Url.EndsWith("/lib/signalr.min.js", StringComparison.Ordinal));
            var own = sizes.Where(s => !s.Url.EndsWith("/lib/signalr.min.js", StringComparison.Ordinal)).Sum(s => s.Bytes);
            Assert.True(own < 200 * 1024, $"{own} bytes: {string.Join(", ", sizes)}");
        }
        finally
        {
            await context.CloseAsync();
        }
    });

    [Fact]
    public Task OnANarrowScreenNothingScrollsSidewaysAndEveryControlHasALabel() => RunAsync(async () =>
    {
        await Fixture.PostAsync(new { event_type = "auth.password_reset_requested_from_an_unusually_long_event_type_name", severity = "warning", account_id = Unique("a"), message = new string('x', 400) });
        var dashboard = await OpenAsync(width: 375);
        var page = dashboard.Page;

        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        // The filters start folded, so the newest events are on the first screen; the keyboard unfolds them.
        await Expect(page.Locator("#tail li").First).ToBeInViewportAsync();
        await Expect(page.Locator("#filters")).ToBeHiddenAsync();
        await page.Locator("#filter-panel > summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#filters").GetByLabel("Category")).ToBeVisibleAsync();
        var unlabeled = await page.EvaluateAsync<string[]>("""
            [...document.querySelectorAll('input, button')]
              .filter(c => !(c.labels?.length) && !c.getAttribute('aria-label') && !c.textContent.trim())
              .map(c => c.outerHTML)
            """);
        Assert.Empty(unlabeled);

        // Keyboard only: Tab reaches the filters, arrow keys move between the views.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Live tail" }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Unresolved" })).ToBeFocusedAsync();
        await Expect(page.Locator("#view-unresolved")).ToBeVisibleAsync();
    });

    [Fact]
    public Task EveryVisibleTextMeetsTheAaContrastRatio() => RunAsync(async () =>
    {
        await Fixture.PostAsync(
            new { event_type = "contrast.check", severity = "info", workflow_id = Unique("w") },
            new { event_type = "contrast.check", severity = "warning", workflow_id = Unique("w") },
            new { event_type = "contrast.check", severity = "error", workflow_id = Unique("w") },
            new { event_type = "contrast.check", severity = "critical", workflow_id = Unique("w") });
        var dashboard = await OpenAsync();

        // WCAG 2 relative luminance; the background is the first opaque one up the tree.
        var failures = await dashboard.Page.EvaluateAsync<string[]>("""
            (() => {
              const rgb = c => c.match(/[\d.]+/g).map(Number);
              const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
              const background = el => {
                for (; el; el = el.parentElement) {
                  const c = rgb(getComputedStyle(el).backgroundColor);
                  if (c.length < 4 || c[3] > 0) return c;
                }
                return [255, 255, 255];
              };
              const failures = [];
              let checked = 0;
              for (const el of document.querySelectorAll('#app *')) {
                const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
                if (!own || !el.checkVisibility()) continue;
                checked++;
                const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
                const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                if (ratio < 4.5) failures.push(`${ratio.toFixed(2)} ${el.tagName}.${el.className}: ${el.textContent.trim().slice(0, 30)}`);
              }
              if (checked < 40) failures.push(`only ${checked} texts checked`);
              return failures;
            })()
            """);

        Assert.Empty(failures);
    });

    [Fact]
    public Task ScreenshotOfABusyDashboardForTheReadme() => RunAsync(async () =>
    {
        var tag = Unique("demo");
        // A day of traffic, so the histogram has something to draw.
        var now = DateTimeOffset.UtcNow;
        string[] severities = ["info", "info", "info", "warning", "info", "error", "info", "critical"];
        await Fixture.PostAsync([.. Enumerable.Range(1, 60).Select(i => (object)new
        {
            event_type = i % 3 == 0 ? "whatsapp.send_failed" : "whatsapp.message_delivered",
            severity = severities[(i * 7 + (i / 9)) % severities.Length],
            session_id = $"{tag}-{i % 6}",
            timestamp = now.AddMinutes(-(i * 23) - 5).ToString("O"),
            message = "demo traffic",
        })]);
        await Fixture.PostAsync(
            new { event_type = "whatsapp.message_delivered", severity = "info", session_id = $"{tag}-1", message = "Delivered to +49 151 …" },
            new { event_type = "device.disconnected", severity = "warning", device_id = "kiosk-7", message = "No heartbeat for 90 s" },
            new { event_type = "stripe.charge_failed", severity = "error", lead_id = "4711", message = "card_declined: insufficient funds" },
            new { event_type = "scheduler.job_failed", severity = "critical", workflow_id = "nightly-export", message = "export timed out after 3 attempts", context = new { attempts = 3 } },
            new { event_type = "auth.login", severity = "info", account_id = "acme", message = "staff login" });
        var dashboard = await OpenAsync();
        await Expect(dashboard.Page.Locator("#histogram svg")).ToBeVisibleAsync();
        // The page may open seconds after the last post on a busy machine; any recent relative time is right.
        await Expect(dashboard.Page.Locator("#stat-last time")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^(just now|\d+ seconds? ago)$"));
        var total = System.Text.Json.JsonDocument.Parse(await Fixture.Admin.GetStringAsync("/api/events?limit=1&include_total=true")).RootElement.GetProperty("total").GetInt64();
        await Expect(dashboard.Page.Locator("#stat-total")).ToHaveTextAsync(total.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 5000 });

        // The picture shows open problems grouped like issues, one group opened to its events.
        await dashboard.Page.GetByRole(AriaRole.Tab, new() { Name = "Unresolved" }).ClickAsync();
        var group = dashboard.Page.Locator("section.problem-group[data-fingerprint='workflow:scheduler.job_failed']");
        await Expect(dashboard.Page.Locator("section.problem-group[data-fingerprint='session:whatsapp.send_failed'] svg.sparkline")).ToBeVisibleAsync();
        await group.GetByRole(AriaRole.Button, new() { Name = "Events of group workflow:scheduler.job_failed" }).ClickAsync();
        await Expect(group.Locator("li.problem").First).ToBeVisibleAsync();
        await dashboard.Page.EvaluateAsync("window.scrollTo(0, 0)");

        var shot = Path.Combine(Artifacts.Folder(), "dashboard.png");
        await dashboard.Page.ScreenshotAsync(new() { Path = shot });
        // docs/dashboard.png is committed; refresh it only on request so test runs leave the tree clean.
        var docs = Path.Combine(Artifacts.RepositoryRoot(), "docs", "dashboard.png");
        if (!File.Exists(docs) || Environment.GetEnvironmentVariable("EVENTS_UPDATE_SCREENSHOT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(docs)!);
            File.Copy(shot, docs, overwrite: true);
        }
    });
}
