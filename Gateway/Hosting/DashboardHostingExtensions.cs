using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace OrleansEvents.Gateway.Hosting;

/// <summary>Serves the dashboard, the static files of <c>Gateway/wwwroot</c>, at <c>/</c>.</summary>
public static class DashboardHostingExtensions
{
    /// <summary>
    /// Maps the files copied beside the binary. Runs before authentication: the page itself is public,
    /// everything it shows comes from the API with the key the operator signs in with.
    /// </summary>
    public static WebApplication UseDashboard(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!Directory.Exists(root))
        {
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // Revalidate every time: an upgraded silo must not run yesterday's scripts against today's API.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
