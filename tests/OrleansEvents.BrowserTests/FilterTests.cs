using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class FilterTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task FiltersApplyToHistoryAndLiveAndAreKeptInTheUrl() => RunAsync(async () =>
    {
        var session = Unique("s");
        var before = await Fixture.PostAsync(
            new { event_type = "whatsapp.send_failed", severity = "error", session_id = session },
            new { event_type = "stripe.charge_failed", severity = "error", session_id = session },
            new { event_type = "whatsapp.delivered", severity = "info", session_id = session });
        var dashboard = await OpenAsync();
        var page = dashboard.Page;

        var filters = page.Locator("#filters");
        await filters.GetByLabel("Session id").FillAsync(session);
        await filters.GetByLabel("Event type prefix").FillAsync("whatsapp.");
        await filters.GetByLabel("Error", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await dashboard.WaitUntilReadyAsync();

        Assert.Contains($"session_id={session}", page.Url, StringComparison.Ordinal);
        Assert.Contains("event_type=whatsapp.", page.Url, StringComparison.Ordinal);
        Assert.Contains("severity=error", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#tail li")).ToHaveCountAsync(1);
        await Expect(dashboard.Row(LiveTailTests.Id(before[0]))).ToBeVisibleAsync();

        // Live: only the matching one of the next three shows.
        var after = await Fixture.PostAsync(
            new { event_type = "stripe.charge_failed", severity = "error", session_id = session },
            new { event_type = "whatsapp.delivered", severity = "info", session_id = session },
            new { event_type = "whatsapp.send_failed", severity = "error", session_id = session });
        await Expect(dashboard.Row(LiveTailTests.Id(after[2]))).ToBeVisibleAsync(new() { Timeout = 2000 });
        Assert.Equal([LiveTailTests.Id(after[2]), LiveTailTests.Id(before[0])], await dashboard.TailIdsAsync());

        // The address is shareable: a new dashboard opened on it shows the same view.
        var shared = await OpenAsync(DashboardFixture.ReadKey, new Uri(page.Url).Query.TrimStart('?'));
        await Expect(shared.Page.Locator("#filters").GetByLabel("Session id")).ToHaveValueAsync(session);
        Assert.Equal(await dashboard.TailIdsAsync(), await shared.TailIdsAsync());
    });

    [Fact]
    public Task TimeRangeAndTextFromASharedAddressSelectTheirEvents() => RunAsync(async () =>
    {
        var device = Unique("d");
        var now = DateTimeOffset.UtcNow;
        var stored = await Fixture.PostAsync(
            new { event_type = "device.rebooted", device_id = device, message = "Reboot after update", timestamp = now.AddHours(-3).ToString("O") },
            new { event_type = "device.rebooted", device_id = device, message = "Reboot after UPDATE", timestamp = now.AddHours(-2).ToString("O") },
            new { event_type = "device.rebooted", device_id = device, message = "Reboot by watchdog", timestamp = now.AddHours(-2).AddMinutes(5).ToString("O") },
            new { event_type = "device.rebooted", device_id = device, message = "Reboot after update", timestamp = now.AddHours(-1).ToString("O") });
        var since = Uri.EscapeDataString(now.AddMinutes(-150).ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var until = Uri.EscapeDataString(now.AddMinutes(-90).ToString("yyyy-MM-ddTHH:mm:ssZ"));

        var dashboard = await OpenAsync(query: $"device_id={device}&q=update&since={since}&until={until}");

        Assert.Equal([LiveTailTests.Id(stored[1])], await dashboard.TailIdsAsync());
        await Expect(dashboard.Page.Locator("#filters").GetByLabel("Text")).ToHaveValueAsync("update");
        await Expect(dashboard.Page.Locator("#filters").GetByLabel("From")).Not.ToHaveValueAsync("");
    });

    [Fact]
    public Task TheTimeFilterOffersTheLastMinutesHoursAndDaysAndKeepsThemRelativeInTheAddress() => RunAsync(async () =>
    {
        var device = Unique("d");
        var now = DateTimeOffset.UtcNow;
        var stored = await Fixture.PostAsync(
            new { event_type = "device.rebooted", device_id = device, timestamp = now.AddHours(-30).ToString("O") },
            new { event_type = "device.rebooted", device_id = device, timestamp = now.AddHours(-2).ToString("O") },
            new { event_type = "device.rebooted", device_id = device, timestamp = now.AddMinutes(-5).ToString("O") });
        var dashboard = await OpenAsync(query: $"device_id={device}");
        var page = dashboard.Page;
        Assert.Equal(3, (await dashboard.TailIdsAsync()).Length);

        await page.Locator("#filters").GetByLabel("Time").SelectOptionAsync("15m");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await dashboard.WaitUntilReadyAsync();

        Assert.Contains("since=15m", page.Url, StringComparison.Ordinal);
        Assert.Equal([LiveTailTests.Id(stored[2])], await dashboard.TailIdsAsync());

        var shared = await OpenAsync(DashboardFixture.ReadKey, $"device_id={device}&since=24h");
        await Expect(shared.Page.Locator("#filters").GetByLabel("Time")).ToHaveValueAsync("24h");
        await Expect(shared.Page.Locator("#filters").GetByLabel("From")).ToHaveValueAsync("");
        Assert.Equal([LiveTailTests.Id(stored[2]), LiveTailTests.Id(stored[1])], await shared.TailIdsAsync());
    });
}
