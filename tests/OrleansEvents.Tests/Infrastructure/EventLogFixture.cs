using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Migrations;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// A migrated, empty store wired the way the silo wires it (<see cref="StorageHost"/>),
/// with a fake clock. Tests isolate themselves by tenant, so one store serves a whole test class.
/// </summary>
public abstract class EventLogFixture : IAsyncLifetime
{
    private IHost? _host;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public IEventLog Log => Services.GetRequiredService<IEventLog>();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The fixture has not started.");

    public abstract string Provider { get; }

    public async Task InitializeAsync()
    {
        _host = StorageHost.Build(await StorageSettingsAsync(), Clock);
        await _host.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await ((IAsyncDisposable)_host).DisposeAsync();
        }
    }

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();
}
