using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OrleansEvents.Storage.Migrations;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly string _sqliteDirectory = Path.Combine(Path.GetTempPath(), $"oe-migrate-{Guid.NewGuid():N}");

    public static TheoryData<string> Providers => new("postgres", "sqlite");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SecondRunAppliesNothing(string provider)
    {
        var settings = await FreshDatabaseAsync(provider);
        using var host = StorageHost.Build(settings);
        var migrator = host.Services.GetRequiredService<ISchemaMigrator>();

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(MigrationScripts.For(provider).Select(s => s.Version), first.Select(s => s.Version));
        Assert.Empty(second);
        Assert.Equal(first.Count, await CountRecordedAsync(host, provider));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoMigratorsStartingTogetherApplyEachScriptOnce(string provider)
    {
        var settings = await FreshDatabaseAsync(provider);
        using var left = StorageHost.Build(settings);
        using var right = StorageHost.Build(settings);

        var results = await Task.WhenAll(
            Task.Run(() => left.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync()),
            Task.Run(() => right.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync()));

        var applied = results.SelectMany(r => r).Select(s => s.Version).Order().ToList();
        Assert.Equal(MigrationScripts.For(provider).Select(s => s.Version), applied);
        Assert.Equal(applied.Count, await CountRecordedAsync(left, provider));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAppliedScriptThatWasEditedStopsTheMigration(string provider)
    {
        var settings = await FreshDatabaseAsync(provider);
        using var host = StorageHost.Build(settings);
        var migrator = host.Services.GetRequiredService<ISchemaMigrator>();
        await migrator.MigrateAsync();
        await ExecuteAsync(host, provider, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1");

        var failure = await Assert.ThrowsAsync<AppliedScriptChangedException>(() => migrator.MigrateAsync());

        Assert.Contains("001_events", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptsOfBothStoresAreNumberedAlikeAndStateTheirPurpose()
    {
        var postgres = MigrationScripts.For("postgres");
        var sqlite = MigrationScripts.For("sqlite");

        Assert.NotEmpty(postgres);
        // The product's own schema is the same on both stores; Orleans' tables are not (ADO.NET's scripts on
        // PostgreSQL, the SQLite providers' own tables on SQLite), so those are left out of the comparison.
        // SQLite alone fills its search index in batches (PostgreSQL's GIN indexes do that themselves).
        Assert.Equal(ProductScripts(postgres), ProductScripts(sqlite).Except([(11, "search_backlog")]));
        Assert.All(postgres.Concat(sqlite), s => Assert.StartsWith("-- ", s.Sql, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_sqliteDirectory))
        {
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }

    private static IEnumerable<(int Version, string Name)> ProductScripts(IEnumerable<MigrationScript> scripts) =>
        scripts.Where(s => !s.Name.StartsWith("orleans_", StringComparison.Ordinal)).Select(s => (s.Version, s.Name));

    private async Task<Dictionary<string, string?>> FreshDatabaseAsync(string provider) => provider == "postgres"
        ? StorageHost.Postgres(await (await PostgresServer.Shared).CreateDatabaseAsync("migrations"))
        : StorageHost.Sqlite(Path.Combine(_sqliteDirectory, $"{Guid.NewGuid():N}.db"));

    private static async Task<long> CountRecordedAsync(IHost host, string provider)
    {
        await using var connection = await OpenAsync(host, provider);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_migrations";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task ExecuteAsync(IHost host, string provider, string sql)
    {
        await using var connection = await OpenAsync(host, provider);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<DbConnection> OpenAsync(IHost host, string provider) => provider == "postgres"
        ? await host.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync()
        : await host.Services.GetRequiredService<OrleansEvents.Storage.Sqlite.SqliteDatabase>().OpenAsync(CancellationToken.None);
}
