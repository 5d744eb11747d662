using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>Orleans' own dashboard at /orleans: for admins of the system tenant only, by key or by the sign-in cookie.</summary>
public sealed class OrleansDashboardTests(SqliteGatewayFixture fixture) : IClassFixture<SqliteGatewayFixture>
{
    private readonly ApiTenant _tenant = fixture.NextTenant();

    [Theory]
    [InlineData("/orleans/")]
    [InlineData("/orleans/DashboardCounters")]
    [InlineData("/orleans/index.min.js")]
    public async Task OrleansDashboardAnswers401ProblemWithoutAKey(string path)
    {
        var response = await fixture.Client().GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ReadAndWriteKeysAreForbiddenTheOrleansDashboard()
    {
        var read = await ProblemAssert.IsProblemAsync(await fixture.Client(_tenant.ReadKey).GetAsync("/orleans/"), HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await fixture.Client(_tenant.WriteKey).GetAsync("/orleans/DashboardCounters"), HttpStatusCode.Forbidden);

        Assert.Equal("admin", read.GetProperty("required_role").GetString());
    }

    [Fact]
    public async Task AnotherTenantsAdminIsForbiddenTheOrleansDashboardBecauseItShowsEveryTenant()
    {
        var problem = await ProblemAssert.IsProblemAsync(await fixture.Client(_tenant.AdminKey).GetAsync("/orleans/GrainTypes"), HttpStatusCode.Forbidden);

        Assert.Equal("default", problem.GetProperty("required_tenant").GetString());
    }

    [Fact]
    public async Task SystemAdminGetsThePageAndLiveClusterData()
    {
        using var client = fixture.Client(GatewayFixture.SystemAdminKey);

        var page = await client.GetAsync("/orleans/");
        // The dashboard collects its counters every second or so: a silo that just started may have none yet.
        var counters = await ProblemAssert.JsonAsync(await client.GetAsync("/orleans/DashboardCounters"));
        for (var deadline = DateTime.UtcNow.AddSeconds(30); counters.GetProperty("hosts").GetArrayLength() == 0 && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(200);
            counters = await ProblemAssert.JsonAsync(await client.GetAsync("/orleans/DashboardCounters"));
        }

        var grainTypes = await ProblemAssert.JsonAsync(await client.GetAsync("/orleans/GrainTypes"));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var silo = Assert.Single(counters.GetProperty("hosts").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.Contains("OrleansEvents.Streams.SessionEventsGrain", grainTypes.EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task AccessTokenSignsTheBrowserInWithAnHttpOnlyStrictCookieScopedToTheDashboardAndDropsTheKey()
    {
        using var browser = Browser();

        var response = await browser.GetAsync($"/orleans/?access_token={GatewayFixture.SystemAdminKey}&theme=dark");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/orleans/?theme=dark", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("oe_orleans_dashboard=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/orleans", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(GatewayFixture.SystemAdminKey, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardRootWithoutTrailingSlashRedirectsBelowItSoThePagesRelativeUrlsWork()
    {
        using var browser = Browser();

        var response = await browser.GetAsync($"/orleans?access_token={GatewayFixture.SystemAdminKey}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/orleans/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignInCookieOpensTheDashboardButNotTheApi()
    {
        var cookie = await SignInAsync(GatewayFixture.SystemAdminKey);
        using var browser = Browser(cookie);

        var page = await browser.GetAsync("/orleans/");
        var counters = await browser.GetAsync("/orleans/DashboardCounters");
        var api = await browser.GetAsync("/api/events");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        await ProblemAssert.IsProblemAsync(api, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AccessTokenOfAReadKeyOrAnotherTenantsAdminSignsNothingIn()
    {
        using var browser = Browser();

        var read = await browser.GetAsync($"/orleans/?access_token={_tenant.ReadKey}");
        var tenantAdmin = await browser.GetAsync($"/orleans/?access_token={_tenant.AdminKey}");
        var wrong = await browser.GetAsync("/orleans/?access_token=not-a-key-of-anyone");

        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(tenantAdmin, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(wrong, HttpStatusCode.Unauthorized);
        Assert.All([read, tenantAdmin, wrong], r => Assert.False(r.Headers.Contains("Set-Cookie")));
    }

    [Fact]
    public async Task ATamperedCookieIsNotASignIn()
    {
        var cookie = await SignInAsync(GatewayFixture.SystemAdminKey);
        using var browser = Browser(cookie[..^4] + "AAAA");

        await ProblemAssert.IsProblemAsync(await browser.GetAsync("/orleans/DashboardCounters"), HttpStatusCode.Unauthorized);
    }

    /// <summary>The <c>name=value</c> of the cookie a sign-in sets.</summary>
    private async Task<string> SignInAsync(string key)
    {
        using var browser = Browser();
        var response = await browser.GetAsync($"/orleans/?access_token={key}");
        return Assert.Single(response.Headers.GetValues("Set-Cookie")).Split(';')[0];
    }

    /// <summary>A client that follows no redirects and keeps no cookies, so each test sees exactly what the gateway sends.</summary>
    private HttpClient Browser(string? cookie = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Host.BaseAddress };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }
}
