using Npgsql;
using OrleansEvents.Storage.Postgres;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public sealed class PostgresEventLogTests(PostgresEventLogFixture fixture) : EventLogContract(fixture), IClassFixture<PostgresEventLogFixture>
{
    /// <summary>
    /// The case an id-only reader gets wrong: batch A takes ids first but commits last. A is held
    /// open on a unique-index wait behind a third transaction that never commits; batch B takes
    /// later ids and commits. The reader must not pass B until A has settled, then deliver A, then B.
    /// </summary>
    [Fact]
    public async Task LogReaderWaitsForAnEarlierTransactionThatCommitsLate()
    {
        var start = await LogEndAsync();
        await using var blocker = new NpgsqlConnection(fixture.ConnectionString);
        await blocker.OpenAsync();
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var claim = new NpgsqlCommand(
            "INSERT INTO events (tenant_id, event_id, stream, version, \"timestamp\", recorded_at, category, severity, event_type, message) " +
            "VALUES ($1, 'held', 'system/held', 1, now(), now(), 'held', 'info', 'held.row', 'held')", blocker, blocking))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = Tenant });
            await claim.ExecuteNonQueryAsync();
        }

        // A: its first rows are inserted (ids drawn), then it waits on the uncommitted 'held' event id.
        var batchA = Log.AppendAsync(Tenant, [TestEvents.New(leadId: "a", message: "A1"), TestEvents.New(leadId: "a", message: "A2"), TestEvents.New(eventId: "held", leadId: "a")]);
        await WaitUntilBlockedAsync(fixture.ConnectionString);

        var batchB = await Log.AppendAsync(Tenant, [TestEvents.New(leadId: "b", message: "B1")]);
        var whileAIsOpen = await Log.ReadLogAsync(start, 100);
        Assert.DoesNotContain(whileAIsOpen.Events, e => e.TenantId == Tenant);

        await blocking.RollbackAsync();
        var appendedA = await batchA;
        var mine = await ReadUntilAsync(start, events => events.Count >= 4);

        Assert.Equal(["A1", "A2", "test.happened for a test", "B1"], mine.Select(e => e.Message));
        Assert.True(appendedA[0].Event.Id < batchB[0].Event.Id);
    }

    /// <summary>The spelling a q gets in code must be the index's (sql/postgres/010), or the index would miss matches.</summary>
    [Fact]
    public async Task TrigramSpellingOfAQIsTheIndexFunctionsSpelling()
    {
        var texts = Enumerable.Range(1, 126).Select(c => $"a{(char)c}b").Concat(["ä ö-ü", "été", "# .-_:/@ x"]).ToList();
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT oe_search_trigrams(t) FROM unnest($1) WITH ORDINALITY AS u(t, n) ORDER BY n", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = texts.ToArray() });
        var spelled = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                spelled.Add(reader.GetString(0));
            }
        }

        Assert.Equal(spelled, texts.Select(PostgresDialect.Spelled));
    }

    private static async Task WaitUntilBlockedAsync(string connectionString)
    {
        await using var probe = new NpgsqlConnection(connectionString);
        await probe.OpenAsync();
        for (var attempt = 0; attempt < 500; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", probe);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The first append never started waiting on the held event id.");
    }
}
