using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class DetailTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task EventDetailShowsEveryFieldThePrettyContextAndLinksToItsStream() => RunAsync(async () =>
    {
        var lead = Unique("l");
        var stored = (await Fixture.PostAsync(
            new { event_type = "scheduler.job_failed", severity = "critical", lead_id = lead, message = "nightly export failed", source = "backend", context = new { job = "export", attempts = 3 } },
            new { event_type = "scheduler.job_started", severity = "info", lead_id = lead }))[0];
        var other = (await Fixture.PostAsync(new { event_type = "scheduler.job_failed", severity = "critical", lead_id = Unique("l") }))[0];
        var dashboard = await OpenAsync();
        var page = dashboard.Page;

        await dashboard.Row(LiveTailTests.Id(stored)).GetByRole(AriaRole.Button).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.Locator("dd[data-field='message']")).ToHaveTextAsync("nightly export failed");
        await Expect(dialog.Locator("dd[data-field='source']")).ToHaveTextAsync("backend");
        await Expect(dialog.Locator("dd[data-field='event_id']")).ToHaveTextAsync(stored.GetProperty("event_id").GetString()!);
        Assert.Equal("{\n  \"job\": \"export\",\n  \"attempts\": 3\n}", await dialog.Locator("pre.context").TextContentAsync());
        Assert.Contains($"event={LiveTailTests.Id(stored)}", page.Url, StringComparison.Ordinal);

        await dialog.GetByRole(AriaRole.Link, new() { Name = $"lead/{lead}" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await dashboard.WaitUntilReadyAsync();
        Assert.Contains($"stream=lead%2F{lead}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#tail li")).ToHaveCountAsync(2);
        await Expect(dashboard.Row(LiveTailTests.Id(other))).ToHaveCountAsync(0);
    });

    [Fact]
    public Task EscapeClosesTheDetailAndFocusReturnsToThePage() => RunAsync(async () =>
    {
        var stored = (await Fixture.PostAsync(new { event_type = "account.created", account_id = Unique("a") }))[0];
        var dashboard = await OpenAsync();
        var page = dashboard.Page;

        await dashboard.Row(LiveTailTests.Id(stored)).GetByRole(AriaRole.Button).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeHiddenAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("event="));
        await Expect(dashboard.Row(LiveTailTests.Id(stored)).GetByRole(AriaRole.Button)).ToBeFocusedAsync();
    });
}
