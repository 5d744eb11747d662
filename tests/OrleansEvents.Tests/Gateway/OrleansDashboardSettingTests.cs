using System.Net;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>With <c>Orleans:Dashboard:Enabled</c> off, the silo installs nothing of the dashboard and the gateway serves none of it.</summary>
public sealed class OrleansDashboardSettingTests : IAsyncLifetime
{
    private const string AdminKey = "system-admin-key-0123456789";
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-gw-orleans-dashboard-").FullName;
    private GatewayHost? _host;

    public async Task InitializeAsync()
    {
        var settings = StorageHost.Sqlite(Path.Combine(_directory, "events.db"));
        settings["Auth:ApiKeys:0:Key"] = AdminKey;
        settings["Auth:ApiKeys:0:Role"] = "admin";
        settings["Orleans:Dashboard:Enabled"] = "false";
        _host = await GatewayHost.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task TurningTheDashboardOffAnswers404()
    {
        var page = await _host!.Client(AdminKey).GetAsync("/orleans/");
        var data = await _host.Client(AdminKey).GetAsync("/orleans/DashboardCounters");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, data.StatusCode);
    }
}
