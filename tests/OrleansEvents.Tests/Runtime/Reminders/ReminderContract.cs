using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Reminders;
using OrleansEvents.Tests.Runtime.TestGrains;

namespace OrleansEvents.Tests.Runtime.Reminders;

/// <summary>
/// Reminder behaviour every reminders table must show. Each test gets a fresh database. Polls are driven
/// explicitly (the poll interval is a day) unless a test exercises the timer-driven poll.
/// </summary>
public abstract class ReminderContract
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    protected abstract Task<ReminderStore> CreateStoreAsync();

    [Fact]
    public async Task DueReminderFiresOnceAcrossTwoRuntimesSharingTheDatabase()
    {
        var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(Start);
        var probe = new RuntimeProbe();
        await using var first = await StartAsync(store, clock, probe);
        await using var second = await StartAsync(store, clock, probe);
        await first.Grains.GetGrain<IReminderGrain>("shared").RegisterAsync("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        for (var minute = 1; minute <= 5; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAll(FireDueAsync(first), FireDueAsync(second), FireDueAsync(first), FireDueAsync(second));
        }

        var expected = Enumerable.Range(1, 5).Select(m => $"tick:shared:beat:{Start.AddMinutes(m):O}");
        Assert.Equal(expected, probe.Events.Where(e => e.StartsWith("tick:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReminderSurvivesARestartAndActivatesItsGrain()
    {
        var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(Start);
        await using (var before = await StartAsync(store, clock))
        {
            await before.Grains.GetGrain<IReminderGrain>("durable").RegisterAsync("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        await using var after = await StartAsync(store, clock, pollInterval: TimeSpan.FromSeconds(10));
        clock.Advance(TimeSpan.FromMinutes(1));

        await after.Probe.WaitForAsync($"tick:durable:beat:{Start.AddMinutes(1):O}");
    }

    [Fact]
    public async Task MissedTicksCollapseIntoOneTickForTheLatestOccurrence()
    {
        var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(Start);
        await using var runtime = await StartAsync(store, clock);
        var grain = runtime.Grains.GetGrain<IReminderGrain>("late");
        await grain.RegisterAsync("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(30));
        await FireDueAsync(runtime);
        await FireDueAsync(runtime);

        Assert.Equal([$"tick:late:beat:{Start.AddMinutes(10):O}"], runtime.Probe.Events.Where(e => e.StartsWith("tick:", StringComparison.Ordinal)));
        Assert.Equal(Start.AddMinutes(11), Assert.Single(await grain.ListAsync()).NextDueAt);
    }

    [Fact]
    public async Task DailyReminderTicksAtItsUtcTimeOfDay()
    {
        var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(Start.AddHours(5));
        await using var runtime = await StartAsync(store, clock);
        var grain = runtime.Grains.GetGrain<IReminderGrain>("nightly");

        await grain.RegisterDailyAsync("retention", new TimeOnly(3, 30));
        var registered = Assert.Single(await grain.ListAsync());
        clock.Advance(TimeSpan.FromHours(22.5));
        await FireDueAsync(runtime);

        Assert.Equal(new ReminderInfo("retention", Start.AddDays(1).AddHours(3.5), TimeSpan.FromDays(1)), registered);
        await runtime.Probe.WaitForAsync($"tick:nightly:retention:{Start.AddDays(1).AddHours(3.5):O}");
        Assert.Equal(Start.AddDays(2).AddHours(3.5), Assert.Single(await grain.ListAsync()).NextDueAt);
    }

    [Fact]
    public async Task UnregisteredReminderNoLongerFires()
    {
        var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(Start);
        await using var runtime = await StartAsync(store, clock);
        var grain = runtime.Grains.GetGrain<IReminderGrain>("quiet");
        await grain.RegisterAsync("beat", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        await grain.UnregisterAsync("beat");
        clock.Advance(TimeSpan.FromMinutes(5));
        await FireDueAsync(runtime);

        Assert.Empty(await grain.ListAsync());
        Assert.DoesNotContain(runtime.Probe.Events, e => e.StartsWith("tick:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PeriodBelowTheMinimumIsRejected()
    {
        var store = await CreateStoreAsync();
        await using var runtime = await StartAsync(store, new FakeTimeProvider(Start), minimumPeriod: TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            runtime.Grains.GetGrain<IReminderGrain>("eager").RegisterAsync("beat", TimeSpan.Zero, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ReminderForAGrainThatIsNotRemindableIsRejected()
    {
        var store = await CreateStoreAsync();
        await using var runtime = await StartAsync(store, new FakeTimeProvider(Start));
        var reminders = runtime.Services.GetRequiredService<IReminderRegistry>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => reminders.RegisterOrUpdateAsync(
            new GrainId(typeof(ILifecycleGrain).FullName!, "plain"), "beat", ReminderSchedule.Every(TimeSpan.Zero, TimeSpan.FromMinutes(1))));

        Assert.Contains(nameof(IRemindable), error.Message);
    }

    [Fact]
    public async Task StoppingAfterTheHostsShutdownDeadlineReturnsQuietly()
    {
        await using var runtime = await StartAsync(await CreateStoreAsync(), new FakeTimeProvider(Start));
        var poller = runtime.Services.GetRequiredService<ReminderPoller>();

        // The host hands later services an already-cancelled token once an earlier one used up the deadline.
        await poller.StopAsync(new CancellationToken(canceled: true));
    }

    private static Task FireDueAsync(TestRuntime runtime) => runtime.Services.GetRequiredService<ReminderPoller>().FireDueRemindersAsync();

    private static Task<TestRuntime> StartAsync(
        ReminderStore store, FakeTimeProvider clock, RuntimeProbe? probe = null, TimeSpan? pollInterval = null, TimeSpan? minimumPeriod = null) =>
        TestRuntime.StartAsync(
            runtime: store.Runtime,
            clock: clock,
            probe: probe,
            services: services =>
            {
                store.Services(services);
                services.Configure<ReminderOptions>(options =>
                {
                    options.PollInterval = pollInterval ?? TimeSpan.FromDays(1);
                    options.MinimumPeriod = minimumPeriod ?? TimeSpan.FromSeconds(1);
                });
            });
}
