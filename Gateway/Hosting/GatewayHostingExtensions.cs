using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Gateway.Apis;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Health;
using OrleansEvents.Gateway.Hubs;
using OrleansEvents.Gateway.Json;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Commands;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Replay;

namespace OrleansEvents.Gateway.Hosting;

/// <summary>Wires and maps the HTTP side of a silo.</summary>
public static class GatewayHostingExtensions
{
    private const string CorsPolicy = "configured-origins";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();

        // Bodies are read by hand and take a number only as a JSON number; strict handling makes the
        // OpenAPI schemas say so (integer, not integer-or-string). Answers are written the same either way.
        services.ConfigureHttpJsonOptions(json => GatewayJson.Configure(json.SerializerOptions).NumberHandling = JsonNumberHandling.Strict);
        services.AddProblemDetails();
        services.AddExceptionHandler<GatewayExceptionHandler>();

        AddGrainAccess(services);
        // since=15m counts back from the event clock, the one stored timestamps come from.
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(EventClock.Key, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.AddSingleton<EventAudit>();
        services.AddSingleton<LiveFeed>();
        services.AddHostedService<LogStreamListener>();
        services.AddHostedService<ProblemsChangeListener>();
        services.AddSingleton<LiveSession>();
        services.AddSingleton<HubSubscriptions>();
        services.AddSignalR(hub => hub.AddFilter<HubFailureLogging>()).AddJsonProtocol(json => GatewayJson.Configure(json.PayloadSerializerOptions));
        builder.Logging.AddFilter(HubFailureLogging.DispatcherCategory, LogLevel.Critical);
        services.Replace(ServiceDescriptor.Singleton<IHubProtocol, OptionalArgumentsHubProtocol>());
        services.AddSingleton<HubLifetimeManager<EventsHub>, EventsHubLifetimeManager>();
        services.AddSingleton<AdminKeyFile>();
        services.AddSingleton<ApiKeyRing>();
        services.AddHostedService<AdminKeyAnnouncer>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var read = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireClaim(CallerClaims.Role, ApiKeyRoles.AtLeast(ApiKeyRole.Read)).Build();
        services.AddAuthorizationBuilder()
            .AddPolicy(GatewayPolicies.Read, read)
            .AddPolicy(GatewayPolicies.Write, p => p.RequireAuthenticatedUser().RequireClaim(CallerClaims.Role, ApiKeyRoles.AtLeast(ApiKeyRole.Write)))
            .AddPolicy(GatewayPolicies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(CallerClaims.Role, ApiKeyRoles.AtLeast(ApiKeyRole.Admin)))
            // Anything not marked otherwise needs at least a read key: the API is never open by accident.
            .SetFallbackPolicy(read);
        services.AddOrleansDashboardAccess();
        services.AddGatewayRateLimiting();

        var origins = builder.Configuration.GetSection($"{GatewayOptions.SectionName}:{nameof(GatewayOptions.CorsAllowedOrigins)}").Get<string[]>() ?? [];
        services.AddCors(cors =>
        {
            if (origins.Length > 0)
            {
                cors.AddPolicy(CorsPolicy, policy => policy.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().AllowCredentials());
            }
        });

        services.AddGatewayOpenApi();
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HealthTags.Ready]);
        return builder;
    }

    /// <summary>
    /// What the gateway reaches the grains with. A silo registers the same options and commands for
    /// its own use; a gateway outside the cluster gets them here.
    /// </summary>
    private static void AddGrainAccess(IServiceCollection services)
    {
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.TryAddSingleton<EventCommands>();
        // Transient: a cluster client can make grain references only once it is connected, after start-up.
        services.TryAddTransient(provider => provider.GetRequiredService<IGrainFactory>().GetGrain<IEventQueryGrain>(0));
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        if (app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.CorsAllowedOrigins.Length > 0)
        {
            app.UseCors(CorsPolicy);
        }

        app.UseDashboard();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        // Live: the process answers. Ready: it can serve: storage answers and the log reader makes progress.
        app.MapHealthChecks(HealthPaths.Live, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(HealthPaths.Ready, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous().DisableRateLimiting();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("").WithCommonProblems().AddEndpointFilter<UndeclaredQueryGuard>();
        api.MapEventQueriesApi();
        api.MapEventCommandsApi();
        api.MapEventIdApi();
        api.MapStreamsApi();
        api.MapProblemGroupsApi();
        api.MapOperationsApi();
        api.MapLogStreamApi();
        api.MapCallerApi();
        app.MapHub<EventsHub>(EventsHub.Path);
        app.MapOrleansDashboardForSystemAdmins();
        return app;
    }
}
