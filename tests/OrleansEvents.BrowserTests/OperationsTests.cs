using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class OperationsTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task ReplayDryRunShowsTheCountAndFirstMatchesThenReplaysOnConfirm() => RunAsync(async () =>
    {
        var session = Unique("s");
        var stored = await Fixture.PostAsync(
            new { event_type = "session.started", session_id = session },
            new { event_type = "session.page_viewed", session_id = session },
            new { event_type = "session.ended", session_id = session });
        var dashboard = await OpenAsync(query: $"session_id={session}");
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Operations" }).ClickAsync();
        var form = page.Locator("#replay-form");
        await form.GetByLabel("Session id").FillAsync(session);
        await form.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();

        await Expect(page.Locator("#replay-result")).ToContainTextAsync("3 events would be replayed");
        await Expect(page.Locator("#replay-result tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#replay-result")).ToContainTextAsync("session.page_viewed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Replay 3 events" }).ClickAsync();
        await Expect(page.Locator("#replay-result")).ToContainTextAsync("replayed");
        await Expect(page.Locator("#tail li[data-flag='replayed']")).ToHaveCountAsync(3, new() { Timeout = 5000 });
        Assert.Equal(3, (await dashboard.TailIdsAsync()).Length);
        _ = stored;
    });

    [Fact]
    public Task ReplayErrorsShowInline() => RunAsync(async () =>
    {
        var dashboard = await OpenAsync();
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Operations" }).ClickAsync();
        await page.Locator("#replay-form").GetByRole(AriaRole.Button, new() { Name = "Dry run" }).ClickAsync();

        await Expect(page.Locator("#replay-error")).ToContainTextAsync("at least one of");
    });

    [Fact]
    public Task RetentionDryRunShowsCountsPerSeverity() => RunAsync(async () =>
    {
        var dashboard = await OpenAsync();
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Operations" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Dry run" }).Nth(1).ClickAsync();

        await Expect(page.Locator("#retention-result")).ToContainTextAsync("would be deleted");
        await Expect(page.Locator("#retention-result tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("#retention-error")).ToBeEmptyAsync();
    });

    [Fact]
    public Task RetentionRunsAfterItsDryRunAndShowsWhatItDeleted() => RunAsync(async () =>
    {
        // Older than the default 30 days of retention.
        var old = (await Fixture.PostAsync(new { event_type = "legacy.imported", severity = "info", lead_id = Unique("l"), timestamp = DateTimeOffset.UtcNow.AddDays(-40).ToString("O") }))[0];
        var dashboard = await OpenAsync();
        var page = dashboard.Page;
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();

        await page.GetByRole(AriaRole.Tab, new() { Name = "Operations" }).ClickAsync();
        await page.Locator("#retention-dry").ClickAsync();
        await Expect(page.Locator("#retention-result")).ToContainTextAsync("1 event would be deleted");
        await Expect(page.Locator("#retention-result tbody tr").Filter(new() { HasText = "info" })).ToContainTextAsync("1");
        Assert.Equal(200, (int)(await Fixture.Admin.GetAsync($"/api/events/{LiveTailTests.Id(old)}")).StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete now" }).ClickAsync();

        await Expect(page.Locator("#retention-result")).ToContainTextAsync("1 event deleted");
        Assert.Equal(404, (int)(await Fixture.Admin.GetAsync($"/api/events/{LiveTailTests.Id(old)}")).StatusCode);
    });
}
