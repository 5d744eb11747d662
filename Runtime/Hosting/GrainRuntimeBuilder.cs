using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.References;
using OrleansEvents.Runtime.Reminders;

namespace OrleansEvents.Runtime.Hosting;

/// <summary>Registers grains and chooses the reminders table; returned by <c>AddGrainRuntime</c>.</summary>
public sealed class GrainRuntimeBuilder
{
    internal GrainRuntimeBuilder(IServiceCollection services) => Services = services;

    /// <summary>The host's service collection.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers <typeparamref name="TGrain"/> as the grain class behind <typeparamref name="TGrainInterface"/>.
    /// The grain type name stored in grain ids and reminders defaults to the interface's full name.
    /// </summary>
    /// <param name="typeName">A stable name to use instead, e.g. when the interface may be renamed.</param>
    public GrainRuntimeBuilder AddGrain<TGrainInterface, TGrain>(string? typeName = null)
        where TGrainInterface : class
        where TGrain : class, TGrainInterface
    {
        // Builds (and so validates) the method table now: a bad contract fails at startup, not at first call.
        GrainMethodTable.For(typeof(TGrainInterface));
        Services.AddSingleton(new GrainRegistration(typeName ?? typeof(TGrainInterface).FullName!, typeof(TGrainInterface), typeof(TGrain)));
        return this;
    }

    /// <summary>Keeps reminders in PostgreSQL, through the <see cref="NpgsqlDataSource"/> registered in the container.</summary>
    public GrainRuntimeBuilder UsePostgresReminders() =>
        UseReminderTable(services => new PostgresReminderTable(services.GetRequiredService<NpgsqlDataSource>()));

    /// <summary>Keeps reminders in the SQLite database at <paramref name="connectionString"/>.</summary>
    public GrainRuntimeBuilder UseSqliteReminders(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return UseReminderTable(_ => new SqliteReminderTable(connectionString));
    }

    /// <summary>Keeps reminders in the SQLite database whose connection string is resolved from the container at start.</summary>
    public GrainRuntimeBuilder UseSqliteReminders(Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        return UseReminderTable(services => new SqliteReminderTable(connectionString(services)));
    }

    /// <summary>Keeps reminders in a custom table and starts polling it.</summary>
    public GrainRuntimeBuilder UseReminderTable(Func<IServiceProvider, IReminderTable> factory)
    {
        Services.RemoveAll<IReminderTable>();
        Services.AddSingleton(factory);
        Services.TryAddSingleton<IReminderRegistry, ReminderRegistry>();
        if (!Services.Any(d => d.ServiceType == typeof(ReminderPoller)))
        {
            Services.AddSingleton<ReminderPoller>();
            Services.AddHostedService(services => services.GetRequiredService<ReminderPoller>());
        }

        return this;
    }
}
