using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.Hosting;
using OrleansEvents.ProblemGroups;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Apis;

/// <summary>A tenant's open problems grouped like issues (<see cref="ProblemFingerprint"/>), counted by its <see cref="IProblemGroupsGrain"/>.</summary>
public static class ProblemGroupsApi
{
    public const int DefaultEvents = 20;

    public static IEndpointRouteBuilder MapProblemGroupsApi(this IEndpointRouteBuilder endpoints)
    {
        var problems = endpoints.MapGroup("/api/problems").WithTags("Problems");

        problems.MapGet("/", ListAsync)
            .WithName("ListProblemGroups")
            .WithSummary("Open problems (warning and above, unresolved) grouped by fingerprint (stream kind + event type, plus Events:Problems:FingerprintKeys), most recently seen first: highest open severity, open count, first and last seen, streams affected, a sample message and the last 24 hours by hour. severity and min_severity test the group's highest open severity, since/until the span it was seen in, q its event type and sample message.")
            .WithQueryParameters(ProblemGroupParameters.List)
            .RequireAuthorization(GatewayPolicies.Read);

        problems.MapGet("/{fingerprint}", GetAsync)
            .WithName("GetProblemGroup")
            .WithSummary($"One open problem group with its newest open events (limit 1–{Queries.EventFilter.MaxLimit}, default {DefaultEvents}); 404 when none of its events is open.")
            .WithQueryParameters(ProblemGroupParameters.Detail)
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Read);

        problems.MapPost("/{fingerprint}/resolve", ResolveAsync)
            .WithName("ResolveProblemGroup")
            .WithSummary("Resolve every open event of the group { resolved_by: human|llm_agent|auto, note }, atomically per stream; answers how many were resolved. resolved_by_key records the calling key's name; audited. An event of the group appended afterwards opens it again.")
            .WithJsonBody<ResolveBody>(required: false)
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Write);

        problems.MapPost("/{fingerprint}/unresolve", UnresolveAsync)
            .WithName("UnresolveProblemGroup")
            .WithSummary("Reopen every resolved event of the group, atomically per stream; answers how many were reopened. Audited.")
            .WithProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(GatewayPolicies.Write);

        return endpoints;
    }

    private static async Task<Ok<ProblemGroupPageResponse>> ListAsync(
        HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, [FromKeyedServices(EventClock.Key)] TimeProvider clock)
    {
        var filter = EventQueryParser.Parse(request.Query, ProblemGroupParameters.List, clock.GetUtcNow());
        var page = await grains.GetGrain<IProblemGroupsGrain>(user.TenantId()).ListAsync(filter);
        return TypedResults.Ok(new ProblemGroupPageResponse([.. page.Groups.Select(ProblemGroupResponse.Of)], filter.Limit, filter.Offset, page.Total));
    }

    private static async Task<Results<Ok<ProblemGroupDetailResponse>, ProblemHttpResult>> GetAsync(
        string fingerprint, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = Requests.QueryParameters.Unknown(request.Query, ProblemGroupParameters.Detail);
        var limit = DefaultEvents;
        if (request.Query["limit"].ToString() is { Length: > 0 } given)
        {
            if (WholeNumber.TryParse(given, out var parsed) && parsed is >= 1 and <= Queries.EventFilter.MaxLimit)
            {
                limit = (int)parsed;
            }
            else
            {
                errors.Add(new FieldError("limit", $"must be between 1 and {Queries.EventFilter.MaxLimit}"));
            }
        }

        EnsureFingerprint(fingerprint, errors);
        var detail = await grains.GetGrain<IProblemGroupsGrain>(user.TenantId()).GetAsync(fingerprint, limit);
        return detail is null
            ? NoGroup(fingerprint)
            : TypedResults.Ok(new ProblemGroupDetailResponse(ProblemGroupResponse.Of(detail.Group), detail.Events));
    }

    private static async Task<Results<Ok<ProblemGroupChangeResponse>, ProblemHttpResult>> ResolveAsync(
        string fingerprint, HttpRequest request, ClaimsPrincipal user, EventCommands commands, EventAudit audit, IOptions<GatewayOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        EnsureFingerprint(fingerprint, errors);
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        var resolution = ResolutionReader.Read(body?.RootElement);
        if (await commands.ResolveProblemGroupAsync(user.TenantId(), fingerprint, resolution.By, resolution.Note, user.KeyNameOf(), cancellationToken) is not { } change)
        {
            return NoGroup(fingerprint);
        }

        await audit.ProblemGroupResolvedAsync(user, change, resolution);
        return TypedResults.Ok(new ProblemGroupChangeResponse(fingerprint, change.Changed, null, change.Streams));
    }

    private static async Task<Results<Ok<ProblemGroupChangeResponse>, ProblemHttpResult>> UnresolveAsync(
        string fingerprint, ClaimsPrincipal user, EventCommands commands, EventAudit audit, CancellationToken cancellationToken)
    {
        EnsureFingerprint(fingerprint, []);
        if (await commands.UnresolveProblemGroupAsync(user.TenantId(), fingerprint, cancellationToken) is not { } change)
        {
            return NoGroup(fingerprint);
        }

        await audit.ProblemGroupUnresolvedAsync(user, change);
        return TypedResults.Ok(new ProblemGroupChangeResponse(fingerprint, null, change.Changed, change.Streams));
    }

    /// <summary>Adds a broken fingerprint to <paramref name="errors"/> and throws them all, if there are any.</summary>
    private static void EnsureFingerprint(string fingerprint, List<FieldError> errors)
    {
        if (!ProblemFingerprint.TryParse(fingerprint, out _, out _))
        {
            errors.Add(new FieldError("fingerprint",
                "must be {kind}:{event_type} or {kind}:{event_type}:{16 hex digits}, kind one of session, lead, device, workflow, system"));
        }

        if (errors.Count > 0)
        {
            throw new EventValidationException(errors);
        }
    }

    private static ProblemHttpResult NoGroup(string fingerprint) => GatewayProblems.NotFound($"no problem group {fingerprint}");
}
