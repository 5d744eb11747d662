namespace OrleansEvents.Tests.Providers;

/// <summary>A silo stopped and a new one started on the same file and service id, as the embedded silo restarts.</summary>
public sealed class SqliteSiloRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(90);

    private readonly string _serviceId = $"restart-{Guid.NewGuid():N}";
    private MigratedSqliteFile? _file;

    private string DatabasePath => _file!.Path;

    public async Task InitializeAsync() => _file = await MigratedSqliteFile.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReminderRegisteredBeforeARestartFiresAfterIt()
    {
        await using (var before = await SqliteSilo.StartAsync(DatabasePath, _serviceId))
        {
            await before.Client.GetGrain<IReminderProbeGrain>("retention").RegisterAsync("daily", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        }

        var ticks = new ReminderTicks();
        await using var after = await SqliteSilo.StartAsync(DatabasePath, _serviceId, ticks);
        var grain = after.Client.GetGrain<IReminderProbeGrain>("retention");

        Assert.Equal(["daily"], await grain.ListNamesAsync());
        await ticks.FirstTickAsync("retention", "daily").WaitAsync(TickTimeout);
    }

    [Fact]
    public async Task GrainStateWrittenBeforeARestartIsReadAfterIt()
    {
        await using (var before = await SqliteSilo.StartAsync(DatabasePath, _serviceId))
        {
            await before.Client.GetGrain<IStateProbeGrain>("cursor").WriteAsync("position 42");
        }

        await using var after = await SqliteSilo.StartAsync(DatabasePath, _serviceId);
        var state = await after.Client.GetGrain<IStateProbeGrain>("cursor").ReadAsync();

        Assert.Equal(("position 42", 1, true), (state.Value, state.Writes, state.RecordExists));
    }
}
