using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Replay;

namespace OrleansEvents.Gateway.Apis;

/// <summary>Stats, replay and retention: answered by the tenant's stats and replay grains and the cluster's retention grain.</summary>
public static class OperationsApi
{
    public static IEndpointRouteBuilder MapOperationsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/events/stats", StatsAsync)
            .WithTags("Events")
            .WithName("GetEventStats")
            .WithSummary("The tenant's totals, by severity, by type, by category, last 24 h, last event time and unresolved count (cached for seconds).")
            .RequireAuthorization(GatewayPolicies.Read);

        endpoints.MapPost("/api/events/replay", ReplayAsync)
            .WithTags("Admin")
            .WithName("ReplayEvents")
            .WithSummary("Re-publish stored events to live subscribers, flagged as replayed, never stored again (admin; audited). Dry run by default; at least one filter required.")
            .WithJsonBody<ReplayBody>()
            .RequireAuthorization(GatewayPolicies.Admin);

        endpoints.MapPost("/api/admin/retention/run", RetentionAsync)
            .WithTags("Admin")
            .WithName("RunRetention")
            .WithSummary("Apply the retention policy now: across the cluster for an admin of the system tenant, to its own tenant for any other admin; { dry_run } (default true) only counts. Audited.")
            .WithJsonBody<RetentionRunBody>(required: false)
            .RequireAuthorization(GatewayPolicies.Admin);

        return endpoints;
    }

    private static async Task<Ok<StatsResponse>> StatsAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(StatsResponse.Of(await grains.GetGrain<IStatsGrain>(user.TenantId()).GetStatsAsync()));

    private static async Task<Ok<ReplayResponse>> ReplayAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, EventAudit audit, IOptions<GatewayOptions> options,
        IOptions<ReplayOptions> replayOptions, [FromKeyedServices(EventClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        var (replay, dryRun) = ReplayRequestReader.Read(body?.RootElement, replayOptions.Value.MaxEvents, clock.GetUtcNow());
        var grain = grains.GetGrain<IReplayGrain>(user.TenantId());
        var report = dryRun ? await grain.DryRunAsync(replay) : await grain.ReplayAsync(replay, user.KeyNameOf() ?? "api");
        audit.Replayed(user, report.ReplayId, report.EventsFound, dryRun);
        return TypedResults.Ok(ReplayResponse.Of(report));
    }

    private static async Task<Results<Ok<RetentionResponse>, ProblemHttpResult>> RetentionAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, EventAudit audit, IOptions<GatewayOptions> options,
        IOptions<EventsOptions> events, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        var dryRun = RetentionRunReader.ReadDryRun(body?.RootElement);

        // The system tenant's admin runs it for the whole cluster; any other admin only for its own
        // tenant, so the counts never tell one tenant about another's events.
        var scope = user.TenantId() == events.Value.SystemTenant ? null : user.TenantId();
        var report = await grains.GetGrain<IRetentionGrain>(IRetentionGrain.ClusterKey).RunAsync(dryRun, scope);
        audit.RetentionRun(user, report.Deleted, dryRun);
        return TypedResults.Ok(RetentionResponse.Of(report));
    }
}
