using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class UnresolvedTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task OpenProblemsAreGroupedByFingerprintWithCountsAndASparkline() => RunAsync(async () =>
    {
        var type = $"device.{Unique("off")}";
        var (first, second) = (Unique("d"), Unique("d"));
        await Fixture.PostAsync(
            new { event_type = type, severity = "error", device_id = first },
            new { event_type = type, severity = "error", device_id = first },
            new { event_type = type, severity = "warning", device_id = second },
            new { event_type = type, severity = "info", device_id = second });
        var dashboard = await OpenAsync(DashboardFixture.WriteKey);
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Tab, new() { Name = "Unresolved" }).ClickAsync();
        var group = page.Locator($"section.problem-group[data-fingerprint='device:{type}']");
        await Expect(group.Locator("[data-count='open']")).ToHaveTextAsync("3 open");
        await Expect(group.Locator("[data-count='streams']")).ToHaveTextAsync("2 streams");
        await Expect(group.Locator("h3 .sev")).ToContainTextAsync("error");
        await Expect(group.Locator("svg.sparkline rect.filled")).ToHaveCountAsync(1);
        await group.GetByRole(AriaRole.Button, new() { Name = $"Events of group device:{type}" }).ClickAsync();
        await Expect(group.Locator("li.problem")).ToHaveCountAsync(3);
        Assert.Contains("view=unresolved", page.Url, StringComparison.Ordinal);
    });

    [Fact]
    public Task ResolvingAGroupInThePageClosesItForTheApiAndEveryDashboard() => RunAsync(async () =>
    {
        var type = $"whatsapp.{Unique("fail")}";
        var fingerprint = $"session:{type}";
        var problems = await Fixture.PostAsync(
            new { event_type = type, severity = "error", session_id = Unique("s") },
            new { event_type = type, severity = "critical", session_id = Unique("s") });
        var operator1 = await OpenAsync(DashboardFixture.WriteKey, "view=unresolved");
        var watcher = await OpenAsync(DashboardFixture.ReadKey, "view=unresolved");
        var watched = watcher.Page.Locator($"section.problem-group[data-fingerprint='{fingerprint}']");
        await Expect(watched.Locator("[data-count='open']")).ToHaveTextAsync("2 open");

        await operator1.Page.GetByRole(AriaRole.Button, new() { Name = $"Resolve group {fingerprint}" }).ClickAsync();

        await Expect(operator1.Page.Locator($"section.problem-group[data-fingerprint='{fingerprint}']")).ToHaveCountAsync(0);
        await Expect(watched).ToHaveCountAsync(0, new() { Timeout = 2000 });
        foreach (var problem in problems)
        {
            var stored = await Fixture.GetEventAsync(LiveTailTests.Id(problem));
            Assert.True(stored.GetProperty("resolved").GetBoolean());
            Assert.Equal("human", stored.GetProperty("resolved_by").GetString());
            Assert.Equal("support", stored.GetProperty("resolved_by_key").GetString());
        }

        // A new event of the group opens it again, on every page at once.
        await Fixture.PostAsync(new { event_type = type, severity = "warning", session_id = Unique("s") });
        await Expect(watched.Locator("[data-count='open']")).ToHaveTextAsync("1 open", new() { Timeout = 2000 });
    });

    [Fact]
    public Task ResolvingOneEventOfAGroupInThePageResolvesItForTheApiAndEveryDashboard() => RunAsync(async () =>
    {
        var type = $"whatsapp.{Unique("one")}";
        var fingerprint = $"session:{type}";
        var problem = (await Fixture.PostAsync(new { event_type = type, severity = "error", session_id = Unique("s") }))[0];
        var id = LiveTailTests.Id(problem);
        var operator1 = await OpenAsync(DashboardFixture.WriteKey, "view=unresolved");
        var watcher = await OpenAsync(DashboardFixture.ReadKey, "view=unresolved");
        await Expect(watcher.Page.Locator($"section.problem-group[data-fingerprint='{fingerprint}']")).ToBeVisibleAsync();

        await operator1.Page.GetByRole(AriaRole.Button, new() { Name = $"Events of group {fingerprint}" }).ClickAsync();
        await operator1.Page.GetByLabel($"Resolution note for event {id}").FillAsync("retried by hand");
        await operator1.Page.GetByRole(AriaRole.Button, new() { Name = $"Resolve event {id}" }).ClickAsync();

        await Expect(operator1.Page.Locator($"section.problem-group[data-fingerprint='{fingerprint}']")).ToHaveCountAsync(0, new() { Timeout = 2000 });
        await Expect(watcher.Page.Locator($"section.problem-group[data-fingerprint='{fingerprint}']")).ToHaveCountAsync(0, new() { Timeout = 2000 });
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
        var type = $"stripe.{Unique("charge")}";
        var group = $"section.problem-group[data-fingerprint='lead:{type}']";
        var first = await OpenAsync(DashboardFixture.AdminKey, "view=unresolved");
        var second = await OpenAsync(DashboardFixture.ReadKey, $"lead_id={lead}");
        var problem = (await Fixture.PostAsync(new { event_type = type, severity = "critical", lead_id = lead }))[0];
        var id = LiveTailTests.Id(problem);
        await Expect(first.Page.Locator(group)).ToBeVisibleAsync(new() { Timeout = 2000 });
        await Expect(second.Row(id)).ToBeVisibleAsync(new() { Timeout = 2000 });

        var response = await Fixture.Admin.PostAsync($"/api/events/{id}/resolve",
            new StringContent("""{"resolved_by":"llm_agent","note":"refunded"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();

        await Expect(first.Page.Locator(group)).ToHaveCountAsync(0, new() { Timeout = 2000 });
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
