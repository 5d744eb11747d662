using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using OrleansEvents.Hosting.Sqlite;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Tests.Providers;

public sealed class SqliteReminderTableTests : IAsyncLifetime
{
    private static readonly DateTime StartAt = new DateTime(2026, 5, 4, 3, 2, 1, DateTimeKind.Utc).AddTicks(1_234_567);

    private MigratedSqliteFile? _file;
    private SqliteDatabase? _database;

    private SqliteReminderTable Table => TableOf("service-a");

    public async Task InitializeAsync()
    {
        _file = await MigratedSqliteFile.CreateAsync();
        _database = new SqliteDatabase(_file.Path);
    }

    public async Task DisposeAsync()
    {
        _database?.Dispose();
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    [Fact]
    public async Task UpsertedReminderReadsBackWithItsStartAtAndPeriodToTheTick()
    {
        var grain = GrainOf("exact");
        var period = TimeSpan.FromTicks(36_000_000_123);

        var etag = await Table.UpsertRow(Entry(grain, "daily", StartAt, period));
        var read = await Table.ReadRow(grain, "daily");

        Assert.NotNull(read);
        Assert.Equal(grain, read.GrainId);
        Assert.Equal("daily", read.ReminderName);
        Assert.Equal(StartAt.Ticks, read.StartAt.Ticks);
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
        Assert.Equal(period, read.Period);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task UpsertOfAnExistingReminderReplacesItUnderANewETag()
    {
        var grain = GrainOf("replaced");
        var first = await Table.UpsertRow(Entry(grain, "daily", StartAt, TimeSpan.FromHours(1)));

        var second = await Table.UpsertRow(Entry(grain, "daily", StartAt.AddDays(1), TimeSpan.FromHours(2)));

        var rows = (await Table.ReadRows(grain)).Reminders;
        var row = Assert.Single(rows);
        Assert.NotEqual(first, second);
        Assert.Equal(second, row.ETag);
        Assert.Equal(StartAt.AddDays(1), row.StartAt);
        Assert.Equal(TimeSpan.FromHours(2), row.Period);
    }

    [Fact]
    public async Task ReadRowOfAnUnknownReminderIsNull()
    {
        var grain = GrainOf("unknown");
        await Table.UpsertRow(Entry(grain, "known", StartAt, TimeSpan.FromMinutes(1)));

        Assert.Null(await Table.ReadRow(grain, "other"));
        Assert.Null(await Table.ReadRow(GrainOf("nobody"), "known"));
    }

    [Fact]
    public async Task ReadRowsOfAGrainReturnsOnlyThatGrainsReminders()
    {
        var grain = GrainOf("mine");
        await Table.UpsertRow(Entry(grain, "one", StartAt, TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Entry(grain, "two", StartAt, TimeSpan.FromMinutes(1)));
        await Table.UpsertRow(Entry(GrainOf("theirs"), "one", StartAt, TimeSpan.FromMinutes(1)));

        var rows = (await Table.ReadRows(grain)).Reminders;

        Assert.Equal(["one", "two"], rows.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(grain, r.GrainId));
    }

    [Fact]
    public async Task RangeReadReturnsExactlyTheRemindersWhoseHashIsAboveBeginAndAtMostEnd()
    {
        var hashes = await StoreRingAsync(40);
        var begin = hashes[10];
        var end = hashes[30];

        var read = await Table.ReadRows(begin, end);

        // Hashes are unsigned: the range must order those above int.MaxValue after the others, not before.
        Assert.Contains(hashes, h => h > int.MaxValue);
        Assert.Contains(hashes, h => h < int.MaxValue);
        Assert.Equal(hashes.Where(h => h > begin && h <= end), HashesOf(read));
        Assert.Equal(20, read.Reminders.Count);
    }

    [Fact]
    public async Task RangeReadWithBeginAboveEndWrapsAroundTheRing()
    {
        var hashes = await StoreRingAsync(40);
        var begin = hashes[30];
        var end = hashes[10];

        var read = await Table.ReadRows(begin, end);

        Assert.Equal(hashes.Where(h => h > begin || h <= end), HashesOf(read));
        Assert.Equal(9 + 11, read.Reminders.Count);
    }

    [Fact]
    public async Task RangeReadWithEqualBoundsReturnsTheWholeRing()
    {
        var hashes = await StoreRingAsync(12);

        var read = await Table.ReadRows(hashes[5], hashes[5]);

        Assert.Equal(hashes, HashesOf(read));
    }

    [Fact]
    public async Task RemoveWithAStaleETagReturnsFalseAndKeepsTheReminder()
    {
        var grain = GrainOf("stale");
        var stale = await Table.UpsertRow(Entry(grain, "daily", StartAt, TimeSpan.FromHours(1)));
        var current = await Table.UpsertRow(Entry(grain, "daily", StartAt, TimeSpan.FromHours(1)));

        Assert.False(await Table.RemoveRow(grain, "daily", stale!));
        Assert.NotNull(await Table.ReadRow(grain, "daily"));

        Assert.True(await Table.RemoveRow(grain, "daily", current!));
        Assert.Null(await Table.ReadRow(grain, "daily"));
        Assert.False(await Table.RemoveRow(grain, "daily", current!));
    }

    [Fact]
    public async Task RemindersOfAnotherServiceInTheSameFileStayInvisible()
    {
        var grain = GrainOf("shared");
        var other = TableOf("service-b");
        await other.UpsertRow(Entry(grain, "daily", StartAt, TimeSpan.FromHours(1)));

        Assert.Null(await Table.ReadRow(grain, "daily"));
        Assert.Empty((await Table.ReadRows(0, 0)).Reminders);

        await Table.TestOnlyClearTable();
        Assert.NotNull(await other.ReadRow(grain, "daily"));
    }

    private static GrainId GrainOf(string key) => GrainId.Create("reminder-probe", key);

    private static ReminderEntry Entry(GrainId grain, string name, DateTime startAt, TimeSpan period) =>
        new() { GrainId = grain, ReminderName = name, StartAt = startAt, Period = period };

    private static List<uint> HashesOf(ReminderTableData data) =>
        [.. data.Reminders.Select(r => r.GrainId.GetUniformHashCode()).Order()];

    /// <summary>Stores one reminder each for <paramref name="count"/> grains; returns their hashes in ring order.</summary>
    private async Task<List<uint>> StoreRingAsync(int count)
    {
        // Fixed keys, so the hashes (and which of them pass 2^31) are the same on every run.
        var grains = Enumerable.Range(0, count).Select(i => GrainOf($"ring-{i}")).ToList();
        foreach (var grain in grains)
        {
            await Table.UpsertRow(Entry(grain, "ring", StartAt, TimeSpan.FromMinutes(1)));
        }

        var hashes = grains.Select(g => g.GetUniformHashCode()).Order().ToList();
        // Bounds are hashes of stored grains, so "above begin" and "at most end" are both tested at the edge.
        Assert.Equal(count, hashes.Distinct().Count());
        return hashes;
    }

    private SqliteReminderTable TableOf(string serviceId) =>
        new(_database!, Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "test" }));
}
