using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Storage;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// A running gateway over one store, configured with many tenants of three keys each (read, write,
/// admin). Every test takes fresh tenants (<see cref="NextTenant"/>), so tests share the host
/// without seeing each other's events.
/// </summary>
public abstract class GatewayFixture : IAsyncLifetime
{
    private const int TenantCount = 300;
    private int _nextTenant;
    private GatewayHost? _host;

    public const string SystemAdminKey = "default-admin-key-0123456789";

    public GatewayHost Host => _host ?? throw new InvalidOperationException("The fixture has not started.");

    public IEventLog Log => Host.Services.GetRequiredService<IEventLog>();

    public abstract string Provider { get; }

    public ApiTenant NextTenant()
    {
        var index = Interlocked.Increment(ref _nextTenant);
        return index < TenantCount ? TenantAt(index) : throw new InvalidOperationException("Raise GatewayFixture.TenantCount.");
    }

    public HttpClient Client(string? apiKey = null) => Host.Client(apiKey);

    public async Task InitializeAsync()
    {
        var settings = await StorageSettingsAsync();
        settings["Gateway:RateLimit:Enabled"] = "false";
        for (var i = 0; i < TenantCount; i++)
        {
            var tenant = TenantAt(i);
            Key(settings, (i * 3) + 0, tenant.ReadKey, "read", tenant.Id);
            Key(settings, (i * 3) + 1, tenant.WriteKey, "write", tenant.Id);
            Key(settings, (i * 3) + 2, tenant.AdminKey, "admin", tenant.Id);
        }

        // The silo's own tenant ("default"), the only one whose admin may run cluster-wide retention.
        Key(settings, TenantCount * 3, SystemAdminKey, "admin", "default");
        _host = await GatewayHost.StartAsync(settings, ConfigureServices);
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    /// <summary>Services to replace before the host starts (a fake clock); none by default.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private static ApiTenant TenantAt(int index)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"tenant-{index:D3}");
        return new ApiTenant(id, $"{id}-read-key-0123456789", $"{id}-write-key-0123456789", $"{id}-admin-key-0123456789");
    }

    private static void Key(Dictionary<string, string?> settings, int slot, string key, string role, string tenant)
    {
        var at = string.Create(CultureInfo.InvariantCulture, $"Auth:ApiKeys:{slot}");
        settings[$"{at}:Key"] = key;
        settings[$"{at}:Role"] = role;
        settings[$"{at}:Tenant"] = tenant;
    }
}
