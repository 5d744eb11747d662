using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace OrleansEvents.Silo;

/// <summary>What the silo does when nothing is configured.</summary>
internal static class SiloDefaults
{
    /// <summary>Loopback only: the gateway is reachable from elsewhere only when an operator says so.</summary>
    public const string Urls = "http://127.0.0.1:5000";

    /// <summary>
    /// Listens on <see cref="Urls"/> unless --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP(S)_PORTS or Urls in
    /// settings say otherwise (kept out of appsettings.json, where it would hide ASPNETCORE_URLS).
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrlsUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configured = new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
            .Any(key => !string.IsNullOrEmpty(builder.Configuration[key]));
        if (!configured)
        {
            builder.WebHost.UseUrls(Urls);
        }

        return builder;
    }
}
