using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Hosting;

namespace OrleansEvents.Gateway.Hosting;

/// <summary>
/// Serves Orleans' own dashboard at <see cref="OrleansDashboardSignIn.Path"/> to admins of the system
/// tenant: it shows every tenant's grains, their state and the silo's log, so no tenant's admin is
/// enough. The silo half (grains, profiler) is added by <c>AddEventGrains</c> under the same setting.
/// </summary>
internal static class OrleansDashboardHostingExtensions
{
    public static IServiceCollection AddOrleansDashboardAccess(this IServiceCollection services)
    {
        services.AddOptions<OrleansDashboardOptions>().BindConfiguration(OrleansDashboardOptions.SectionName);
        services.AddSingleton<OrleansDashboardSignIn>();
        services.AddAuthentication().AddCookie(OrleansDashboardSignIn.SchemeName, OrleansDashboardSignIn.Configure);
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<EventsOptions>>((authorization, events) =>
            authorization.AddPolicy(GatewayPolicies.SystemAdmin, policy => policy
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, OrleansDashboardSignIn.SchemeName)
                .RequireAuthenticatedUser()
                .RequireClaim(CallerClaims.Role, ApiKeyRoles.Admin)
                .RequireClaim(CallerClaims.Tenant, events.Value.SystemTenant)));
        return services;
    }

    /// <summary>
    /// Maps the dashboard's page, assets and JSON endpoints when <c>Orleans:Dashboard:Enabled</c>. They
    /// are Orleans' contract, not this API's, so the OpenAPI document leaves them out.
    /// </summary>
    public static WebApplication MapOrleansDashboardForSystemAdmins(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<OrleansDashboardOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapOrleansDashboard(OrleansDashboardSignIn.Path)
            .RequireAuthorization(GatewayPolicies.SystemAdmin)
            .AddEndpointFilter<OrleansDashboardSignIn>()
            .ExcludeFromDescription();
        return app;
    }
}
