using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Hosting;

namespace OrleansEvents.Bench.Client;

/// <summary>
/// The <c>client-silo</c> subcommand: one silo with its gateway (embedded SQLite, synchronous commit), in a
/// process of its own as a service's store would be, on the given port. Says <see cref="Ready"/>, then runs
/// until its standard input closes.
/// </summary>
public static class ClientSiloCommand
{
    public const string Name = "client-silo";
    public const string Ready = "ready";
    public const string Key = "bench-client-key-0123456789";

    public static async Task<int> RunAsync(string[] args)
    {
        var port = int.Parse(args[Array.IndexOf(args, "--port") + 1], CultureInfo.InvariantCulture);
        var directory = args[Array.IndexOf(args, "--dir") + 1];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = directory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = Path.Combine(directory, "events.db"),
            ["Auth:ApiKeys:0:Key"] = Key,
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Gateway:RateLimit:Enabled"] = "false",
        });
        builder.Configuration.AddEnvironmentVariables();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEventGrains();
        builder.AddGateway();
        await using var app = builder.Build();
        app.MapGateway();
        await app.Services.MigrateEventStorageAsync();
        await app.StartAsync();
        Console.WriteLine(Ready);

        // Console input only blocks; on a thread of its own it holds none of the pool's threads.
        await Task.Factory.StartNew(() =>
        {
            while (Console.ReadLine() is not null)
            {
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await app.StopAsync();
        return 0;
    }
}
