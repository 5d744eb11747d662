using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using OrleansEvents.Hosting.Sqlite;
using OrleansEvents.Storage.Sqlite;

namespace OrleansEvents.Hosting;

/// <summary>
/// Orleans' reminders and grain state in the embedded SQLite file, for a silo whose services hold the
/// <see cref="SqliteDatabase"/> (the event side registers it when <c>Storage:Provider</c> is <c>sqlite</c>).
/// The tables come from <c>sql/sqlite/</c>, applied by the schema migrator at start.
/// </summary>
public static class SqliteOrleansProviders
{
    /// <summary>Turns on Orleans reminders, kept in <c>orleans_reminders</c>.</summary>
    public static ISiloBuilder UseSqliteReminderTable(this ISiloBuilder builder)
    {
        builder.AddReminders();
        builder.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        return builder;
    }

    /// <summary>Adds grain storage <paramref name="name"/>, kept in <c>orleans_grain_state</c>.</summary>
    public static ISiloBuilder AddSqliteGrainStorage(this ISiloBuilder builder, string name)
    {
        builder.Services.AddGrainStorage(name, static (services, providerName) => new SqliteGrainStorage(
            providerName,
            services.GetRequiredService<SqliteDatabase>(),
            // As Orleans' own providers resolve it: one registered for this provider, else the silo's default.
            services.GetKeyedService<IGrainStorageSerializer>(providerName) ?? services.GetRequiredService<IGrainStorageSerializer>(),
            services.GetRequiredService<IActivatorProvider>(),
            services.GetRequiredService<IOptions<ClusterOptions>>()));
        return builder;
    }
}
