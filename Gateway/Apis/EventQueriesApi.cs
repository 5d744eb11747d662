using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Export;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.Hosting;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Apis;

/// <summary>Reads of a tenant's events, answered from the event log: query, one event, open problems, export.</summary>
public static class EventQueriesApi
{
    public static IEndpointRouteBuilder MapEventQueriesApi(this IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/api/events").WithTags("Events").RequireAuthorization(GatewayPolicies.Read);

        events.MapGet("/", QueryAsync)
            .WithName("QueryEvents")
            .WithSummary("Query events by severity, category, type, correlation ids, time, text (q) and context values (context.<key>=<value>), newest first.")
            .WithQueryParameters(QueryParameters.Query);

        events.MapGet("/{id:long}", GetAsync)
            .WithName("GetEvent")
            .WithSummary("One event by id; 404 when it does not exist or belongs to another tenant.")
            .WithProblems(StatusCodes.Status404NotFound);

        events.MapGet("/unresolved", UnresolvedAsync)
            .WithName("ListUnresolvedEvents")
            .WithSummary("Open problems: unresolved events of severity warning and above (or the given severities), newest first.")
            .WithQueryParameters(QueryParameters.Unresolved);

        events.MapGet("/export", Export)
            .WithName("ExportEvents")
            .WithSummary("Every matching event as NDJSON or CSV, streamed page by page without a row cap.")
            .WithQueryParameters(QueryParameters.Export)
            .Produces<string>(StatusCodes.Status200OK, EventExport.NdjsonMediaType, EventExport.CsvMediaType);

        endpoints.MapGet("/admin/events", AdminListAsync)
            .WithTags("Admin")
            .WithName("ListEventsForAdmin")
            .WithSummary("Compatibility endpoint: most recent events first, optionally of one lead; limit default 100, capped at 1 000.")
            .WithQueryParameters(QueryParameters.AdminEvents)
            .RequireAuthorization(GatewayPolicies.Admin);

        return endpoints;
    }

    private static async Task<Results<Ok<EventPageResponse>, ValidationProblem>> QueryAsync(
        HttpRequest request, ClaimsPrincipal user, IEventQueryGrain queries, [FromKeyedServices(EventClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var filter = EventQueryParser.Parse(request.Query, QueryParameters.Query, clock.GetUtcNow());
        var page = await queries.QueryAsync(user.TenantId(), filter, cancellationToken);
        return TypedResults.Ok(EventPageResponse.Of(page, filter));
    }

    private static async Task<Results<Ok<StoredEvent>, ProblemHttpResult>> GetAsync(
        long id, ClaimsPrincipal user, IEventQueryGrain queries, CancellationToken cancellationToken) =>
        await queries.GetAsync(user.TenantId(), id, cancellationToken) is { } stored
            ? TypedResults.Ok(stored)
            : GatewayProblems.NotFound($"no event with id {id}");

    private static async Task<Results<Ok<EventPageResponse>, ValidationProblem>> UnresolvedAsync(
        HttpRequest request, ClaimsPrincipal user, IEventQueryGrain queries, [FromKeyedServices(EventClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var filter = EventQueryParser.Parse(request.Query, QueryParameters.Unresolved, clock.GetUtcNow(), new EventFilter { Resolved = false });
        if (filter.Severities is null)
        {
            filter = filter with { MinSeverity = Severity.Warning };
        }

        var page = await queries.QueryAsync(user.TenantId(), filter, cancellationToken);
        return TypedResults.Ok(EventPageResponse.Of(page, filter));
    }

    private static async Task<Results<Ok<EventPageResponse>, ValidationProblem>> AdminListAsync(
        HttpRequest request, ClaimsPrincipal user, IEventQueryGrain queries, [FromKeyedServices(EventClock.Key)] TimeProvider clock, CancellationToken cancellationToken)
    {
        var filter = EventQueryParser.Parse(request.Query, QueryParameters.AdminEvents, clock.GetUtcNow(), capLimit: true);
        var page = await queries.QueryAsync(user.TenantId(), filter, cancellationToken);
        return TypedResults.Ok(EventPageResponse.Of(page, filter));
    }

    private static Results<EventExport, ValidationProblem> Export(
        HttpRequest request, ClaimsPrincipal user, IEventQueryGrain queries, [FromKeyedServices(EventClock.Key)] TimeProvider clock)
    {
        var format = request.Query["format"].ToString() is { Length: > 0 } given ? given.ToLowerInvariant() : EventExport.Ndjson;
        if (format is not (EventExport.Ndjson or EventExport.Csv))
        {
            return GatewayProblems.Invalid("format", "must be ndjson or csv");
        }

        // limit here caps the whole export (no upper bound); it is not a page size.
        var query = new QueryCollection(request.Query.Where(p => p.Key is not ("format" or "limit")).ToDictionary());
        var filter = EventQueryParser.Parse(query, QueryParameters.Export, clock.GetUtcNow());
        long? cap = null;
        if (request.Query["limit"].ToString() is { Length: > 0 } limit)
        {
            if (!WholeNumber.TryParse(limit, out var rows) || rows < 1)
            {
                throw new EventValidationException([new FieldError("limit", "must be a whole number of at least 1 (the most rows to export)")]);
            }

            cap = rows;
        }

        return new EventExport(queries, user.TenantId(), filter, format, cap);
    }
}
