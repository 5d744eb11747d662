using Npgsql;
using Orleans.Configuration;

namespace OrleansEvents.Hosting;

/// <summary>
/// How Orleans' ADO.NET providers (clustering, reminders, grain storage) reach PostgreSQL. They read their SQL from the
/// <c>orleansquery</c> table that <c>sql/postgres/003</c>–<c>006</c> create and fill. No
/// <c>DbProviderFactories</c> registration is needed: for the invariant <see cref="Invariant"/> the providers load
/// <c>Npgsql.NpgsqlFactory</c> themselves. Each provider takes the process's one <see cref="NpgsqlDataSource"/> through
/// its <c>DataSource</c> option, so nobody hands them a connection string.
/// </summary>
public static class OrleansAdoNet
{
    /// <summary>The ADO.NET invariant name under which Orleans knows Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Points silo-side ADO.NET clustering at PostgreSQL through <paramref name="dataSource"/>.</summary>
    public static void UsePostgres(this AdoNetClusteringSiloOptions options, NpgsqlDataSource dataSource)
    {
        options.Invariant = Invariant;
        options.DataSource = dataSource;
    }

    /// <summary>Points a cluster client's gateway list at PostgreSQL through <paramref name="dataSource"/>.</summary>
    public static void UsePostgres(this AdoNetClusteringClientOptions options, NpgsqlDataSource dataSource)
    {
        options.Invariant = Invariant;
        options.DataSource = dataSource;
    }

    /// <summary>Points the ADO.NET reminder table at PostgreSQL through <paramref name="dataSource"/>.</summary>
    public static void UsePostgres(this AdoNetReminderTableOptions options, NpgsqlDataSource dataSource)
    {
        options.Invariant = Invariant;
        options.DataSource = dataSource;
    }

    /// <summary>Points an ADO.NET grain storage at PostgreSQL through <paramref name="dataSource"/>.</summary>
    public static void UsePostgres(this AdoNetGrainStorageOptions options, NpgsqlDataSource dataSource)
    {
        options.Invariant = Invariant;
        options.DataSource = dataSource;
    }
}
