using Microsoft.Extensions.Options;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Hosting;
using OrleansEvents.Silo;

// `dotnet run --project Silo` serves the gateway; `dotnet run --project Silo -- migrate` only brings the schema up to date.
var command = SiloCommand.Parse(args);

return await StartupFailure.ReportAsync(async () =>
{
    // Settings ship beside the binary; relative data paths stay relative to the working directory.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = command.HostArguments, ContentRootPath = AppContext.BaseDirectory });
    builder.UseUrlsUnlessConfigured(SiloStartupFailures.DefaultUrls);
    builder.AddEventGrains();
    builder.AddGateway();

    // Disposed on the way out, so buffered log lines are written even when `migrate` exits at once.
    await using var app = builder.Build();
    app.MapGateway();

    // Settings are checked before anything touches storage, and a broken one stops the silo with one
    // line (StartupFailure) rather than the host's stack trace after the schema was already migrated.
    app.Services.GetService<IStartupValidator>()?.Validate();
    if (!command.MigrateOnly)
    {
        OrleansPorts.EnsureFree(app.Services.GetRequiredService<IOptions<OrleansOptions>>().Value);
    }

    await app.Services.MigrateEventStorageAsync();
    if (!command.MigrateOnly)
    {
        await app.RunAsync();
    }
}, SiloStartupFailures.Describe);

/// <summary>Lets WebApplicationFactory&lt;Program&gt; find the entry point in tests.</summary>
public partial class Program;
