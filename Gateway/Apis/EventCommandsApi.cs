using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Apis;

/// <summary>Changes to a tenant's events, each routed through its stream's grain by <see cref="EventCommands"/>.</summary>
public static class EventCommandsApi
{
    public static IEndpointRouteBuilder MapEventCommandsApi(this IEndpointRouteBuilder endpoints)
    {
        var events = endpoints.MapGroup("/api/events").WithTags("Events");

        events.MapPost("/", AppendAsync)
            .WithName("AppendEvents")
            .WithSummary("Append one event or an array of up to 1 000 (all or nothing); 201 with the stored events, 200 when every event_id was already stored.")
            .WithJsonBody<NewEventBody>(maxItems: EventLimits.MaxBatchSize)
            .WithJsonResponse<AppendedEventResponse>(StatusCodes.Status201Created, "The stored event (Location: its URL), or for an array the stored events in order; one stored before comes back as it was, with duplicate: true.", EventLimits.MaxBatchSize)
            .WithJsonResponse<AppendedEventResponse>(StatusCodes.Status200OK, "Every event_id was stored before, so nothing was stored: the stored event, or for an array the stored events in order, each with duplicate: true.", EventLimits.MaxBatchSize)
            .RequireAuthorization(GatewayPolicies.Write);

        events.MapPost("/{id:long}/resolve", ResolveAsync)
            .WithName("ResolveEvent")
            .WithSummary("Resolve an event { resolved_by: human|llm_agent|auto, note }; resolved_by_key records the calling key's name; an earlier resolution is kept.")
            .WithJsonBody<ResolveBody>(required: false)
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Write);

        events.MapPost("/{id:long}/unresolve", UnresolveAsync)
            .WithName("UnresolveEvent")
            .WithSummary("Reopen a resolved event.")
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Write);

        events.MapPut("/{id:long}", UpdateAsync)
            .WithName("UpdateEvent")
            .WithSummary("Edit severity, message, context or source of an event (admin; audited).")
            .WithJsonBody<EventEditBody>()
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Admin);

        events.MapDelete("/{id:long}", DeleteAsync)
            .WithName("DeleteEvent")
            .WithSummary("Delete an event (admin; audited); 204, or 404 when there is no such event.")
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Admin);

        return endpoints;
    }

    private static async Task<Results<Created<object>, Ok<object>>> AppendAsync(
        HttpRequest request, ClaimsPrincipal user, EventCommands commands, IOptions<GatewayOptions> options, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken)
            ?? throw new RequestRejectedException(StatusCodes.Status400BadRequest, new Validation.FieldError("body", "must be an event object or an array of event objects"));
        var (events, single) = NewEventReader.Read(body.RootElement);
        IReadOnlyList<AppendedEvent> appended;
        try
        {
            appended = await commands.AppendAsync(user.TenantId(), events, cancellationToken);
        }
        catch (EventValidationException invalid) when (single)
        {
            // One object in, so its fields are named plainly: severity, not [0].severity.
            throw new EventValidationException(invalid.Errors.Select(e => e with { Field = e.Field.StartsWith("[0].", StringComparison.Ordinal) ? e.Field[4..] : e.Field }).ToList());
        }

        object answer = single ? new AppendedEventResponse(appended[0]) : appended.Select(a => new AppendedEventResponse(a)).ToList();
        return appended.All(a => a.IsDuplicate)
            ? TypedResults.Ok(answer)
            : TypedResults.Created(single ? $"/api/events/{appended[0].Event.Id}" : null, answer);
    }

    private static async Task<Results<Ok<StoredEvent>, ProblemHttpResult>> ResolveAsync(
        long id, HttpRequest request, ClaimsPrincipal user, EventCommands commands, IEventQueryGrain queries, IOptions<GatewayOptions> options, CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        var resolution = ResolutionReader.Read(body?.RootElement);
        await commands.ResolveAsync(user.TenantId(), [id], resolution.By, resolution.Note, user.KeyNameOf(), cancellationToken);
        return await CurrentAsync(queries, user, id, cancellationToken);
    }

    private static async Task<Results<Ok<StoredEvent>, ProblemHttpResult>> UnresolveAsync(
        long id, ClaimsPrincipal user, EventCommands commands, IEventQueryGrain queries, CancellationToken cancellationToken)
    {
        await commands.UnresolveAsync(user.TenantId(), [id], cancellationToken);
        return await CurrentAsync(queries, user, id, cancellationToken);
    }

    private static async Task<Results<Ok<StoredEvent>, ProblemHttpResult>> UpdateAsync(
        long id, HttpRequest request, ClaimsPrincipal user, EventCommands commands, EventAudit audit, IOptions<GatewayOptions> options,
        CancellationToken cancellationToken)
    {
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        var update = EventEditReader.Read(body?.RootElement);
        if (await commands.UpdateAsync(user.TenantId(), id, update, cancellationToken) is not { } edit)
        {
            return GatewayProblems.NotFound($"no event with id {id}");
        }

        await audit.EditedAsync(user, edit, update);
        return TypedResults.Ok(edit.After);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, ClaimsPrincipal user, EventCommands commands, EventAudit audit, CancellationToken cancellationToken)
    {
        if (await commands.DeleteAsync(user.TenantId(), id, cancellationToken) is not { } deleted)
        {
            return GatewayProblems.NotFound($"no event with id {id}");
        }

        await audit.DeletedAsync(user, deleted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<StoredEvent>, ProblemHttpResult>> CurrentAsync(IEventQueryGrain queries, ClaimsPrincipal user, long id, CancellationToken cancellationToken) =>
        await queries.GetAsync(user.TenantId(), id, cancellationToken) is { } stored
            ? TypedResults.Ok(stored)
            : GatewayProblems.NotFound($"no event with id {id}");
}
