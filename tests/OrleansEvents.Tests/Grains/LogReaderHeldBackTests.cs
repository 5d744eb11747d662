using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansEvents.Fanout;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>
/// PostgreSQL's settled horizon is cluster-wide: a transaction open in any database holds the log
/// reader back. Once it ends, what was held back must still go out, even if nothing commits again and
/// the silo's clock stands still.
/// </summary>
public sealed class LogReaderHeldBackTests
{
    [Fact]
    public async Task EventsHeldBackByATransactionInAnotherDatabaseGoOutOnceItEnds()
    {
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync("postgres"),
            new Dictionary<string, string?> { ["Events:LogReader:CommitWait"] = "00:00:00.200" });
        var reader = silo.Services.GetRequiredService<LogReaderWaker>();
        await using var elsewhere = new NpgsqlConnection(await (await PostgresServer.Shared).CreateDatabaseAsync("elsewhere"));
        await elsewhere.OpenAsync();
        await using var transaction = await elsewhere.BeginTransactionAsync();
        await using (var takeId = new NpgsqlCommand("SELECT pg_current_xact_id()", elsewhere, transaction))
        {
            await takeId.ExecuteScalarAsync(); // from here on the cluster's horizon stays behind this transaction
        }

        var leftBefore = (await reader.CheckAsync())!.CommitsLeftToThePoll;
        var appended = (await silo.Commands.AppendAsync("acme", [TestEvents.New(leadId: "held-back")]))[0].Event.Id;
        // Until the reader stops rereading for the commit it cannot read and leaves it to its poll.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await reader.CheckAsync())!.CommitsLeftToThePoll == leftBefore)
        {
            Assert.True(DateTime.UtcNow < deadline, "The log reader never left the held-back commit to its poll.");
            await Task.Delay(20);
        }

        var whileHeld = silo.Notifications.Any(n => n.Event.Id == appended);
        await transaction.RollbackAsync();

        Assert.False(whileHeld);
        await silo.WaitForNotificationsAsync(seen => seen.Any(n => n.Event.Id == appended), TimeSpan.FromSeconds(10));
    }
}
