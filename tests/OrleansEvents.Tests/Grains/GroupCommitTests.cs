using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Storage.Sqlite;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>Group commit under failure: a transaction that breaks halfway stores nothing of it, and only the batch at fault fails.</summary>
public sealed class GroupCommitTests
{
    public static TheoryData<string> Providers => new("sqlite", "postgres");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ARowTheDatabaseRefusesFailsOnlyItsBatchAndHalfOfNothingIsStored(string provider)
    {
        // A long flush delay gathers many callers into each transaction, so the poisoned one takes others with it.
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider),
            new Dictionary<string, string?> { ["Events:Writer:FlushDelay"] = "00:00:00.050" });
        await PoisonAsync(silo, provider);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
        {
            var batch = Enumerable.Range(0, 3).Select(j => TestEvents.New(
                leadId: $"lead-{i}", eventId: $"e-{i}-{j}", message: i == 17 && j == 2 ? "poison" : $"m{i}.{j}")).ToList();
            try
            {
                await silo.Grains.For("acme", StreamId.Lead($"lead-{i}")).AppendBatchAsync(batch);
                return (Caller: i, Stored: true);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException or PostgresException)
            {
                return (Caller: i, Stored: false);
            }
        })));

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i != 17), attempts.Where(a => a.Stored).Select(a => a.Caller));
        foreach (var (caller, stored) in attempts)
        {
            var kept = await silo.Log.ReadStreamAsync("acme", StreamId.Lead($"lead-{caller}"), 1, 10);
            Assert.Equal(stored ? 3 : 0, kept.Count);
        }
    }

    /// <summary>A trigger that fails any insert of a message "poison" — after the rows before it went in.</summary>
    private static async Task PoisonAsync(EventSilo silo, string provider)
    {
        if (provider == "postgres")
        {
            await using var connection = await silo.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
            await using var command = new NpgsqlCommand(
                "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " +
                "IF NEW.message = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$; " +
                "CREATE TRIGGER poison BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION poison();", connection);
            await command.ExecuteNonQueryAsync();
        }
        else
        {
            await using var connection = await silo.Services.GetRequiredService<SqliteDatabase>().OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.message = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END;";
            await command.ExecuteNonQueryAsync();
        }
    }
}
