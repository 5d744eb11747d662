using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Problems;

namespace OrleansEvents.Gateway.Apis;

/// <summary>
/// Event ids are whole numbers. A path with anything else where the id goes (/api/events/abc) is a
/// 400 naming id, not the router's bare 404: the id routes take only numbers, so these match the rest.
/// </summary>
public static class EventIdApi
{
    public static IEndpointRouteBuilder MapEventIdApi(this IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/api/events").ExcludeFromDescription().RequireAuthorization(GatewayPolicies.Read);
        events.MapMethods("/{id}", [HttpMethods.Get, HttpMethods.Put, HttpMethods.Delete], NotAnId);
        events.MapPost("/{id}/resolve", NotAnId);
        events.MapPost("/{id}/unresolve", NotAnId);
        return endpoints;
    }

    private static ValidationProblem NotAnId(string id) => GatewayProblems.Invalid("id", "must be a whole number (an event's id)");
}
