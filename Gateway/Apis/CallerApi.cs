using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Responses;

namespace OrleansEvents.Gateway.Apis;

/// <summary>What the calling key may do, so a client (the dashboard) shows only what the key allows.</summary>
public static class CallerApi
{
    public static IEndpointRouteBuilder MapCallerApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/me", Caller)
            .WithTags("Auth")
            .WithName("GetCaller")
            .WithSummary("The calling key's tenant, role and name.")
            .RequireAuthorization(GatewayPolicies.Read);
        return endpoints;
    }

    private static Ok<CallerResponse> Caller(ClaimsPrincipal user) =>
        TypedResults.Ok(new CallerResponse(user.TenantId(), user.RoleOf(), user.KeyNameOf()));
}
