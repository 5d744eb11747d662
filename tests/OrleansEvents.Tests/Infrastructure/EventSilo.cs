using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.Streams;
using OrleansEvents.Commands;
using OrleansEvents.Fanout;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;
using OrleansEvents.Storage.Migrations;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// The event side of a silo, started for real on a fresh store (a new SQLite file or a new database
/// on the run's PostgreSQL) with a fake clock: an Orleans silo with the grains, writer, tailer, life
/// events. Records every notification of the live stream from the moment it has started.
/// </summary>
public sealed class EventSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly StreamSubscriptionHandle<LogNotification> _subscription;

    private EventSilo(IHost host, FakeTimeProvider clock, StreamSubscriptionHandle<LogNotification> subscription, ConcurrentQueue<LogNotification> notifications, StoreSettings store)
    {
        _host = host;
        Clock = clock;
        _subscription = subscription;
        Notifications = notifications;
        Store = store;
    }

    public FakeTimeProvider Clock { get; }

    public StoreSettings Store { get; }

    public IServiceProvider Services => _host.Services;

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public EventCommands Commands => Services.GetRequiredService<EventCommands>();

    public IEventLog Log => Services.GetRequiredService<IEventLog>();

    /// <summary>Every notification the live stream carried since start, in arrival order.</summary>
    public ConcurrentQueue<LogNotification> Notifications { get; }

    public static async Task<StoreSettings> FreshStoreAsync(string provider) => provider == "postgres"
        ? new StoreSettings(StorageHost.Postgres(await (await PostgresServer.Shared).CreateDatabaseAsync("silo")))
        : new StoreSettings(StorageHost.Sqlite(Path.Combine(Directory.CreateTempSubdirectory("oe-silo-").FullName, "events.db")));

    public static async Task<EventSilo> StartAsync(
        StoreSettings store, IDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        clock ??= new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(store.Settings);
        builder.Configuration.AddInMemoryCollection(FreePorts.ForSilo());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Events:Retention:ReminderPeriod"] = "00:00:01",
            // Tests check what happens, not how fast: on a loaded machine a 33 000-event pile-up outlasts 30 s.
            ["Orleans:Messaging:ResponseTimeout"] = "00:02:00",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddKeyedSingleton<TimeProvider>(EventClock.Key, clock);
        builder.AddEventGrains();
        services?.Invoke(builder.Services);
        if (Environment.GetEnvironmentVariable("OE_TEST_LOGS") == "1")
        {
            Microsoft.Extensions.Logging.ConsoleLoggerExtensions.AddSimpleConsole(builder.Logging);
        }
        var host = builder.Build();
        await host.Services.MigrateEventStorageAsync();
        await host.StartAsync();
        var notifications = new ConcurrentQueue<LogNotification>();
        var subscription = await host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamProviders.Events)
            .GetStream<LogNotification>(LogStream.Id)
            .SubscribeAsync((notification, _) =>
            {
                notifications.Enqueue(notification);
                return Task.CompletedTask;
            });
        return new EventSilo(host, clock, subscription, notifications, store);
    }

    /// <summary>Waits (real time, bounded) until a condition over the notifications holds.</summary>
    public async Task<List<LogNotification>> WaitForNotificationsAsync(Func<List<LogNotification>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var seen = Notifications.ToList();
            if (done(seen))
            {
                return seen;
            }

            if (DateTime.UtcNow > deadline)
            {
                var state = await LogReaderDiagnostics.DescribeAsync(Services.GetRequiredService<LogReaderWaker>(), Log, Store);
                throw new TimeoutException($"Expected notifications did not arrive; {seen.Count} arrived.\n{state}");
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _subscription.UnsubscribeAsync();
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
