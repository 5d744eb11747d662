using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;

namespace OrleansEvents.Tests.Providers;

[Collection(OrleansPostgresCollection.Name)]
public sealed class AdoNetReminderTests(PostgresOrleansCluster fixture)
{
    [Fact]
    public async Task ReminderRegisteredOnOneSiloIsReadBackFromTheTableByBoth()
    {
        var alarm = fixture.Cluster.Client.GetGrain<IAlarmGrain>("read-back");
        await alarm.SetAsync(TimeSpan.FromHours(1));

        foreach (var silo in new[] { 0, 1 })
        {
            var table = fixture.SiloServices(silo).GetRequiredService<IReminderTable>();
            var row = await table.ReadRow(alarm.GetGrainId(), AlarmGrain.ReminderName);
            var rows = await table.ReadRows(alarm.GetGrainId());

            Assert.NotNull(row);
            Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
            Assert.Equal(row.ETag, Assert.Single(rows.Reminders).ETag);
        }
    }

    [Fact]
    public async Task ReminderFiresOnItsGrain()
    {
        var alarm = fixture.Cluster.Client.GetGrain<IAlarmGrain>("fires");

        await alarm.SetAsync(TimeSpan.FromSeconds(1));

        await Eventually.HoldsAsync(async () => await alarm.CountRingsAsync() > 0, "the reminder ringing");
    }

    [Fact]
    public async Task RingRangesFindTheReminderOnBothSidesOfTheWrap()
    {
        var alarm = fixture.Cluster.Client.GetGrain<IAlarmGrain>("ranges");
        await alarm.SetAsync(TimeSpan.FromHours(1));
        var table = fixture.SiloServices(0).GetRequiredService<IReminderTable>();
        var hash = alarm.GetGrainId().GetUniformHashCode();

        // (hash - 1, hash] holds just this grain's hash; (hash, hash - 1] is the rest of the ring; (0, 0] is all of it.
        var just = await table.ReadRows(unchecked(hash - 1), hash);
        var rest = await table.ReadRows(hash, unchecked(hash - 1));
        var all = await table.ReadRows(0, 0);

        Assert.Contains(just.Reminders, r => r.GrainId == alarm.GetGrainId());
        Assert.DoesNotContain(rest.Reminders, r => r.GrainId == alarm.GetGrainId());
        Assert.Contains(all.Reminders, r => r.GrainId == alarm.GetGrainId());
    }

    [Fact]
    public async Task RemoveWithAStaleEtagIsRefused()
    {
        var table = fixture.SiloServices(0).GetRequiredService<IReminderTable>();
        var entry = new ReminderEntry
        {
            // An alarm grain no test calls, due in a day: the reminder service never rings it during the run.
            GrainId = fixture.Cluster.Client.GetGrain<IAlarmGrain>("stale-etag").GetGrainId(),
            ReminderName = AlarmGrain.ReminderName,
            StartAt = DateTime.UtcNow.AddDays(1),
            Period = TimeSpan.FromMinutes(1),
        };
        var first = await table.UpsertRow(entry);
        var second = await table.UpsertRow(entry);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(first, second);
        Assert.False(await table.RemoveRow(entry.GrainId, entry.ReminderName, first));
        Assert.True(await table.RemoveRow(entry.GrainId, entry.ReminderName, second));
        Assert.Null(await table.ReadRow(entry.GrainId, entry.ReminderName));
    }
}
