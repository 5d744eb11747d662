using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;

namespace OrleansEvents.Gateway.Auth;

/// <summary>
/// Loads the keys before the server listens, and when this start generated the admin key, prints it
/// once to the console (not to the log, whose sinks may be shared) with the dashboard's address.
/// </summary>
internal sealed class AdminKeyAnnouncer(ApiKeyRing ring, AdminKeyFile file, IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = ring;
        if (file.CreatedNow)
        {
            lifetime.ApplicationStarted.Register(Announce);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5000";
        Console.Out.WriteLine($"""

            No API key is configured, so an admin key was generated (tenant '{AuthOptions.DefaultTenant}').
            It is shown only now and kept in {file.Path} (mode 600):

                {file.LoadOrCreate()}

            Dashboard: {address.TrimEnd('/')}/   ·   use it as:  curl -H 'X-API-Key: <key>' {address.TrimEnd('/')}/api/events
            Configure your own keys under Auth:ApiKeys to replace it.

            """);
        Console.Out.Flush();
    }
}
