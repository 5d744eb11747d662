using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansEvents.Storage.Migrations;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Runtime.Reminders;

/// <summary>The reminder contract on a throwaway PostgreSQL, one migrated database per test.</summary>
[Collection(PostgresReminderCollection.Name)]
public sealed class PostgresReminderTests : ReminderContract
{
    protected override async Task<ReminderStore> CreateStoreAsync()
    {
        var server = await PostgresServer.Shared;
        var connectionString = await server.CreateDatabaseAsync("reminders");
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new PostgresSchemaMigrator(dataSource).MigrateAsync();
        }

        return new ReminderStore(
            services => services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString)),
            runtime => runtime.UsePostgresReminders());
    }
}
