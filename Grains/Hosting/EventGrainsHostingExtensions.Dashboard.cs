using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Dashboard;

namespace OrleansEvents.Hosting;

public static partial class EventGrainsHostingExtensions
{
    /// <summary>
    /// The silo half of Orleans' dashboard: its grains, the grain call profiler and the metrics
    /// listener. The gateway maps the pages and data endpoints when the same setting is on.
    /// </summary>
    private static void AddOrleansDashboard(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<OrleansDashboardOptions>().BindConfiguration(OrleansDashboardOptions.SectionName);
        var dashboard = configuration.GetSection(OrleansDashboardOptions.SectionName).Get<OrleansDashboardOptions>() ?? new OrleansDashboardOptions();
        if (dashboard.Enabled)
        {
            silo.AddDashboard();
        }
    }
}
