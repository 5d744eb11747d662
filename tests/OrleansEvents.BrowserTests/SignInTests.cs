using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class SignInTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task KeyLinkSignsInOnceAndLeavesTheAddressBar() => RunAsync(async () =>
    {
        var dashboard = await OpenAsync(DashboardFixture.AdminKey, "severity=error");
        var page = dashboard.Page;

        Assert.DoesNotContain("key=", page.Url, StringComparison.Ordinal);
        Assert.Contains("severity=error", page.Url, StringComparison.Ordinal);
        Assert.Equal(DashboardFixture.AdminKey, await page.EvaluateAsync<string>("localStorage.getItem('orleans-events.api-key')"));
        await Expect(page.Locator("#caller")).ToContainTextAsync("admin");

        // Kept in localStorage: a reload without the link stays signed in.
        await page.ReloadAsync();
        await dashboard.WaitUntilReadyAsync();
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
    });

    [Fact]
    public Task ReadKeySeesEventsButCannotResolveOrOperate() => RunAsync(async () =>
    {
        var type = $"auth.{Unique("f")}";
        var problem = (await Fixture.PostAsync(new { event_type = type, severity = "error", session_id = Unique("s") }))[0];
        var dashboard = await OpenAsync(DashboardFixture.ReadKey);
        var page = dashboard.Page;

        await Expect(dashboard.Row(problem.GetProperty("id").GetInt64())).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Operations" })).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "Unresolved" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Events of group session:{type}" }).ClickAsync();
        await Expect(page.Locator($"#unresolved-groups li[data-id='{problem.GetProperty("id").GetInt64()}']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = false })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task AWriteKeyMayResolveButSeesNoOperations() => RunAsync(async () =>
    {
        var dashboard = await OpenAsync(DashboardFixture.WriteKey);

        await Expect(dashboard.Page.Locator("#caller")).ToContainTextAsync("write");
        await Expect(dashboard.Page.GetByRole(AriaRole.Tab, new() { Name = "Operations" })).ToBeHiddenAsync();
        Assert.Equal("write", await dashboard.Page.EvaluateAsync<string>("document.body.dataset.role"));
    });

    [Fact]
    public Task AnUnknownKeyIsRefusedAndTheFormSaysSo() => RunAsync(async () =>
    {
        var context = await Fixture.Browser.NewContextAsync(new() { BaseURL = Fixture.Silo.BaseAddress.ToString() });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/");
            await page.GetByLabel("API key").FillAsync("not-a-key-at-all-0123456789");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

            await Expect(page.Locator("#signin-error")).ToContainTextAsync("not accepted");
            await page.GetByLabel("API key").FillAsync(DashboardFixture.ReadKey);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.Locator("#caller")).ToContainTextAsync("read");
        }
        finally
        {
            await context.CloseAsync();
        }
    });
}
