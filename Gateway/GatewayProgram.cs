using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using OrleansEvents.Gateway.Cluster;
using OrleansEvents.Gateway.Hosting;

namespace OrleansEvents.Gateway;

/// <summary>
/// <c>dotnet run --project Gateway -- --ConnectionStrings:Events="Host=…"</c>: the HTTP API, SignalR
/// hub, SSE and dashboard as an Orleans client of the silos on that database, with no silo inside.
/// </summary>
public static class GatewayProgram
{
    /// <summary>Loopback only, as every default; beside a silo's 5000.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5100";

    public static Task<int> Main(string[] args) => StartupFailure.ReportAsync(async () =>
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.UseUrlsUnlessConfigured(DefaultUrls);
        QuietDefaults(builder.Logging);
        builder.AddEventsClusterClient();
        builder.AddGateway();

        await using var app = builder.Build();
        app.MapGateway();
        await app.RunAsync();
    });

    /// <summary>The silo's appsettings.json levels, which a gateway without that file would not have; settings still override them.</summary>
    private static void QuietDefaults(ILoggingBuilder logging)
    {
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Orleans.", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        logging.AddFilter("OrleansEvents.Gateway.Auth", LogLevel.Warning);
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });
    }
}
