using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OrleansEvents.Hosting;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A host with only the event side wired, from the given settings, the way the silo wires it.</summary>
public static class StorageHost
{
    public static IHost Build(IEnumerable<KeyValuePair<string, string?>> settings, TimeProvider? clock = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (clock is not null)
        {
            builder.Services.AddKeyedSingleton(EventClock.Key, clock);
        }

        builder.AddEventGrains();
        return builder.Build();
    }

    public static Dictionary<string, string?> Postgres(string connectionString) => new()
    {
        ["Storage:Provider"] = "postgres",
        ["ConnectionStrings:Events"] = connectionString,
    };

    public static Dictionary<string, string?> Sqlite(string path) => new()
    {
        ["Storage:Provider"] = "sqlite",
        ["Storage:SqlitePath"] = path,
    };
}
