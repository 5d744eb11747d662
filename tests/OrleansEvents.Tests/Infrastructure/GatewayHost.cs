using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Hosting;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// The silo's web application wired as Program.cs wires it, on real Kestrel at a free loopback port,
/// from the given settings only (an empty content root, so no appsettings.json leaks in).
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _contentRoot;

    private GatewayHost(WebApplication app, string contentRoot)
    {
        _app = app;
        _contentRoot = contentRoot;
        BaseAddress = new Uri(app.Urls.First());
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayHost> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? configure = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory("oe-gw-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = contentRoot, EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(FreePorts.ForSilo());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddEventGrains();
        builder.AddGateway();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGateway();
        await app.Services.MigrateEventStorageAsync();
        await app.StartAsync();
        return new GatewayHost(app, contentRoot);
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is swept by the OS.
        }
    }
}
