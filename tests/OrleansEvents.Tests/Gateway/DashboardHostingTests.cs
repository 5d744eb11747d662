using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>What the dashboard needs from the gateway: its files without a key, and the caller's role with one.</summary>
public sealed class DashboardHostingTests(SqliteGatewayFixture fixture) : IClassFixture<SqliteGatewayFixture>
{
    private readonly ApiTenant _tenant = fixture.NextTenant();

    [Fact]
    public async Task DashboardFilesAreServedWithoutAKeyAndRevalidated()
    {
        var page = await fixture.Client().GetAsync("/");
        var script = await fixture.Client().GetAsync("/js/main.js");
        var signalR = await fixture.Client().GetAsync("/lib/signalr.min.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-cache", page.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signalR.StatusCode);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("write")]
    [InlineData("admin")]
    public async Task MeTellsTheKeysTenantAndRole(string role)
    {
        var key = role switch { "read" => _tenant.ReadKey, "write" => _tenant.WriteKey, _ => _tenant.AdminKey };

        var me = JsonDocument.Parse(await fixture.Client(key).GetStringAsync("/api/me")).RootElement;

        Assert.Equal(_tenant.Id, me.GetProperty("tenant").GetString());
        Assert.Equal(role, me.GetProperty("role").GetString());
    }

    [Fact]
    public async Task MeNeedsAKey()
    {
        await ProblemAssert.IsProblemAsync(await fixture.Client().GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }
}
