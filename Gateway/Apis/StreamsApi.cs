using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Responses;
using OrleansEvents.Grains;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Apis;

/// <summary>
/// One stream of a tenant, answered by its grain. A stream the tenant never wrote to is a 404,
/// whether or not another tenant has a stream of that name.
/// </summary>
public static class StreamsApi
{
    private static readonly string[] ReadParameters = ["from_version", "limit"];

    public static IEndpointRouteBuilder MapStreamsApi(this IEndpointRouteBuilder endpoints)
    {
        var streams = endpoints.MapGroup("/api/streams/{kind}/{key}").WithTags("Streams").RequireAuthorization(GatewayPolicies.Read)
            .WithProblems(StatusCodes.Status404NotFound);

        streams.MapGet("/", ReadAsync)
            .WithName("ReadStream")
            .WithSummary("A stream's events in version order from from_version (default 1), up to limit (1–1 000, default 100).")
            .WithQueryParameters(ReadParameters);

        streams.MapGet("/unresolved", UnresolvedAsync)
            .WithName("GetStreamUnresolved")
            .WithSummary("A stream's open problems, from its grain's memory: counts by severity and the newest problems.");

        streams.MapGet("/summary", SummaryAsync)
            .WithName("GetStreamSummary")
            .WithSummary("A stream's counts by severity and type, first and last event time, unresolved count.");

        return endpoints;
    }

    private static async Task<Results<Ok<StreamPageResponse>, ProblemHttpResult>> ReadAsync(
        string kind, string key, HttpRequest request, ClaimsPrincipal user, EventCommands commands)
    {
        var (fromVersion, limit) = ParseReadQuery(request.Query);
        var grain = commands.StreamGrain(user.TenantId(), ParseStream(kind, key));
        if (await grain.GetVersionAsync() is var version && version == 0)
        {
            return NoStream(kind, key);
        }

        var events = await grain.ReadAsync(fromVersion, limit);
        var next = events.Count > 0 ? events[^1].Version + 1 : fromVersion;
        return TypedResults.Ok(new StreamPageResponse($"{kind}/{key}", version, fromVersion, events, next <= version ? next : null));
    }

    private static async Task<Results<Ok<UnresolvedProblems>, ProblemHttpResult>> UnresolvedAsync(string kind, string key, ClaimsPrincipal user, EventCommands commands)
    {
        var grain = commands.StreamGrain(user.TenantId(), ParseStream(kind, key));
        return await grain.GetVersionAsync() == 0 ? NoStream(kind, key) : TypedResults.Ok(await grain.GetUnresolvedAsync());
    }

    private static async Task<Results<Ok<StreamSummary>, ProblemHttpResult>> SummaryAsync(string kind, string key, ClaimsPrincipal user, EventCommands commands)
    {
        var summary = await commands.StreamGrain(user.TenantId(), ParseStream(kind, key)).GetSummaryAsync();
        return summary.Version == 0 ? NoStream(kind, key) : TypedResults.Ok(summary);
    }

    private static ProblemHttpResult NoStream(string kind, string key) => GatewayProblems.NotFound($"no stream {kind}/{key}");

    private static StreamId ParseStream(string kind, string key) =>
        StreamId.TryParse($"{kind}/{key}", out var stream)
            ? stream
            : throw new EventValidationException([new FieldError(WireNames.TryParseStreamKind(kind, out _) ? "key" : "kind",
                WireNames.TryParseStreamKind(kind, out _) ? $"must be 1–{StreamId.MaxKeyLength} characters without control characters" : "must be session, lead, device, workflow or system")]);

    private static (long FromVersion, int Limit) ParseReadQuery(IQueryCollection query)
    {
        var errors = new List<FieldError>();
        foreach (var name in query.Keys.Where(k => !ReadParameters.Contains(k)))
        {
            errors.Add(new FieldError(name, "is not a known parameter; known: from_version, limit"));
        }

        var fromVersion = 1L;
        if (query["from_version"].ToString() is { Length: > 0 } from && (!long.TryParse(from, out fromVersion) || fromVersion < 1))
        {
            errors.Add(new FieldError("from_version", "must be a whole number of at least 1"));
        }

        var limit = EventFilter.DefaultLimit;
        if (query["limit"].ToString() is { Length: > 0 } given && (!int.TryParse(given, out limit) || limit is < 1 or > EventFilter.MaxLimit))
        {
            errors.Add(new FieldError("limit", $"must be between 1 and {EventFilter.MaxLimit}"));
        }

        return errors.Count == 0 ? (fromVersion, limit) : throw new EventValidationException(errors);
    }
}
