using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class UnresolvedTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task OpenProblemsAreGroupedByStreamWithCountsBySeverity() => RunAsync(async () =>
    {
        var device = Unique("d");
        await Fixture.PostAsync(
            new { event_type = "device.offline", severity = "error", device_id = device },
            new { event_type = "device.offline", severity = "error", device_id = device },
            new { event_type = "device.battery_low", severity = "warning", device_id = device },
            new { event_type = "device.online", severity = "info", device_id = device });
        var dashboard = await OpenAsync(DashboardFixture.WriteKey);
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Unresolved" }).ClickAsync();
        var group = page.Locator($"section.group[data-stream='device/{device}']");
        await Expect(group.Locator("li.problem")).ToHaveCountAsync(3);
        await Expect(group.Locator("[data-count='error']")).ToHaveTextAsync("2 error");
        await Expect(group.Locator("[data-count='warning']")).ToHaveTextAsync("1 warning");
        Assert.Contains("view=unresolved", page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task ResolvingInThePageResolvesTheEventForTheApiAndEveryDashboard() => RunAsync(async () =>
    {
        var session = Unique("s");
        var problem = (await Fixture.PostAsync(new { event_type = "whatsapp.send_failed", severity = "error", session_id = session }))[0];
        var id = LiveTailTests.Id(problem);
        var operator1 = await OpenAsync(DashboardFixture.WriteKey, "view=unresolved");
        var watcher = await OpenAsync(DashboardFixture.ReadKey, "view=unresolved");
        await Expect(watcher.Page.Locator($"#unresolved-groups li[data-id='{id}']")).ToBeVisibleAsync();

        await operator1.Page.GetByLabel($"Resolution note for event {id}").FillAsync("retried by hand");
        await operator1.Page.GetByRole(AriaRole.Button, new() { Name = $"Resolve event {id}" }).ClickAsync();

        await Expect(operator1.Page.Locator($"#unresolved-groups li[data-id='{id}']")).ToHaveCountAsync(0);
        await Expect(watcher.Page.Locator($"#unresolved-groups li[data-id='{id}']")).ToHaveCountAsync(0, new() { Timeout = 2000 });
        var stored = await Fixture.GetEventAsync(id);
        Assert.True(stored.GetProperty("resolved").GetBoolean());
        Assert.Equal("human", stored.GetProperty("resolved_by").GetString());
        Assert.Equal("retried by hand", stored.GetProperty("resolution_note").GetString());
        Assert.Equal("support", stored.GetProperty("resolved_by_key").GetString());
    });

    [Fact]
    public Task AResolutionThroughTheApiShowsOnEveryOpenDashboardAtOnce() => RunAsync(async () =>
    {
        var lead = Unique("l");
        var first = await OpenAsync(DashboardFixture.AdminKey, "view=unresolved");
        var second = await OpenAsync(DashboardFixture.ReadKey, $"lead_id={lead}");
        var problem = (await Fixture.PostAsync(new { event_type = "stripe.charge_failed", severity = "critical", lead_id = lead }))[0];
        var id = LiveTailTests.Id(problem);
        await Expect(first.Page.Locator($"#unresolved-groups li[data-id='{id}']")).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(second.Row(id)).ToBeVisibleAsync(new() { Timeout = 2000 });

        var response = await Fixture.Admin.PostAsync($"/api/events/{id}/resolve",
            new StringContent("""{"resolved_by":"llm_agent","note":"refunded"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        await Expect(first.Page.Locator($"#unresolved-groups li[data-id='{id}']")).ToHaveCountAsync(0, new() { Timeout = 2000 });
        await Expect(second.Row(id)).ToContainTextAsync("resolved by llm_agent with key ops-admin", new() { Timeout = 2000 });
        await second.Row(id).GetByRole(AriaRole.Button).ClickAsync();
        await Expect(second.Page.GetByRole(AriaRole.Dialog).Locator("dd[data-field='resolved']")).ToContainTextAsync("by llm_agent with key ops-admin");
        await second.Page.Keyboard.PressAsync("Escape");

        // Reopened from the detail of the second page… which is read-only, so from the first.
        await first.Page.GetByRole(AriaRole.Tab, new() { Name = "Live tail" }).ClickAsync();
        await first.Row(id).GetByRole(AriaRole.Button).ClickAsync();
        await first.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Reopen" }).ClickAsync();
        await Expect(second.Row(id)).Not.ToContainTextAsync("resolved by", new() { Timeout = 2000 });
        Assert.False((await Fixture.GetEventAsync(id)).GetProperty("resolved").GetBoolean());
    });
}
