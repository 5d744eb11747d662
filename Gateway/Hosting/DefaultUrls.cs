using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace OrleansEvents.Gateway.Hosting;

public static class DefaultUrls
{
    /// <summary>
    /// Listens on <paramref name="urls"/> unless --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP(S)_PORTS or Urls
    /// in settings say otherwise (kept out of appsettings.json, where it would hide ASPNETCORE_URLS).
    /// Defaults are loopback only: the gateway is reachable from elsewhere only when an operator says so.
    /// </summary>
    public static WebApplicationBuilder UseUrlsUnlessConfigured(this WebApplicationBuilder builder, string urls)
    {
        var configured = new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
            .Any(key => !string.IsNullOrEmpty(builder.Configuration[key]));
        if (!configured)
        {
            builder.WebHost.UseUrls(urls);
        }

        return builder;
    }
}
