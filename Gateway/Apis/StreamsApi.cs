using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Gateway.Requests;
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
    private static readonly string[] UnresolvedParameters = ["limit"];

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
            .WithSummary($"A stream's open problems, from its grain's memory: counts by severity and the newest problems (limit 1–{EventFilter.MaxLimit}, default {UnresolvedProblems.DefaultListSize}; the grain keeps the newest Events:OpenProblemsKept, default 200, so no more come back).")
            .WithQueryParameters(UnresolvedParameters);

        streams.MapGet("/summary", SummaryAsync)
            .WithName("GetStreamSummary")
            .WithSummary("A stream's counts by severity and type, first and last event time, unresolved count.");

        endpoints.MapPost("/api/streams/{kind}/{key}/events", AppendAsync)
            .WithTags("Streams")
            .WithName("AppendToStream")
            .WithSummary("Append one event or an array of up to 1 000 to this stream, in one transaction; with expected_version (a single event's field) or If-Match: \"<version>\", only if the stream is at that version (0: a new stream), else 409 with the stream's actual version.")
            .WithJsonBody<StreamEventBody, NewEventBody>(EventLimits.MaxBatchSize)
            .WithRequestHeader(HeaderNames.IfMatch, "The version the stream must be at, quoted as its ETag: \"3\" (\"0\": the stream must be new). For an array, the only way to say it.")
            .WithJsonResponse<AppendedEventResponse>(StatusCodes.Status201Created, "The stored event, or for an array the stored events in order (ETag: the stream's new version).", EventLimits.MaxBatchSize)
            .WithJsonResponse<AppendedEventResponse>(StatusCodes.Status200OK, "Every event_id was stored before, so nothing was stored: the stored events, each with duplicate: true.", EventLimits.MaxBatchSize)
            .WithProblems(StatusCodes.Status409Conflict)
            .RequireAuthorization(GatewayPolicies.Write);

        return endpoints;
    }

    private static async Task<Results<Created<object>, Ok<object>>> AppendAsync(
        string kind, string key, HttpRequest request, HttpResponse response, ClaimsPrincipal user, EventCommands commands, IOptions<GatewayOptions> options,
        CancellationToken cancellationToken)
    {
        var stream = ParseStream(kind, key, request);
        using var body = await JsonBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken)
            ?? throw new EventValidationException([new FieldError("body", "must be an event object or an array of event objects")]);
        var expectedVersion = ExpectedVersionReader.Read(body.RootElement, request.Headers);
        var (events, single) = NewEventReader.Read(body.RootElement, expectedVersionRead: true);
        var own = OfStream(events, stream, single);
        IReadOnlyList<AppendedEvent> appended;
        try
        {
            appended = await commands.AppendToStreamAsync(user.TenantId(), stream, own, expectedVersion, cancellationToken);
        }
        catch (EventValidationException invalid) when (single)
        {
            throw new EventValidationException(invalid.Errors.Select(e => e with { Field = e.Field.StartsWith("[0].", StringComparison.Ordinal) ? e.Field[4..] : e.Field }).ToList());
        }

        object answer = single ? new AppendedEventResponse(appended[0]) : appended.Select(a => new AppendedEventResponse(a)).ToList();
        if (appended.All(a => a.IsDuplicate))
        {
            return TypedResults.Ok(answer);
        }

        response.Headers.ETag = ExpectedVersionReader.Tag(appended.Max(a => a.Event.Version));
        return TypedResults.Created(single ? $"/api/events/{appended[0].Event.Id}" : null, answer);
    }

    /// <summary>The events with the URL's stream; one that names another stream is an error, not a silent move.</summary>
    private static List<NewEvent> OfStream(IReadOnlyList<NewEvent> events, StreamId stream, bool single)
    {
        var errors = new List<FieldError>();
        var own = new List<NewEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            // Blank (spaces only) counts as absent, as everywhere else.
            if (events[i].Stream is { } named && named.Trim(' ').Length > 0 && named != stream.ToString())
            {
                errors.Add(new FieldError(single ? "stream" : $"[{i}].stream", $"must be {stream} (the stream of the URL) or left out"));
            }

            own.Add(events[i] with { Stream = stream.ToString() });
        }

        return errors.Count == 0 ? own : throw new EventValidationException(errors);
    }

    private static async Task<Results<Ok<StreamPageResponse>, ProblemHttpResult>> ReadAsync(
        string kind, string key, HttpRequest request, ClaimsPrincipal user, EventCommands commands)
    {
        var (fromVersion, limit) = ParseReadQuery(request.Query);
        var stream = ParseStream(kind, key, request);
        var grain = commands.StreamGrain(user.TenantId(), stream);
        if (await grain.GetVersionAsync() is var version && version == 0)
        {
            return NoStream(stream);
        }

        var events = await grain.ReadAsync(fromVersion, limit);
        request.HttpContext.Response.Headers.ETag = ExpectedVersionReader.Tag(version);
        var next = events.Count > 0 ? events[^1].Version + 1 : fromVersion;
        return TypedResults.Ok(new StreamPageResponse(stream.ToString(), version, fromVersion, events, next <= version ? next : null));
    }

    private static async Task<Results<Ok<UnresolvedProblems>, ProblemHttpResult>> UnresolvedAsync(
        string kind, string key, HttpRequest request, ClaimsPrincipal user, EventCommands commands)
    {
        var errors = QueryParameters.Unknown(request.Query, UnresolvedParameters);
        var limit = ParseLimit(request.Query, UnresolvedProblems.DefaultListSize, errors);
        if (errors.Count > 0)
        {
            throw new EventValidationException(errors);
        }

        var stream = ParseStream(kind, key, request);
        var grain = commands.StreamGrain(user.TenantId(), stream);
        return await grain.GetVersionAsync() == 0 ? NoStream(stream) : TypedResults.Ok(await grain.GetUnresolvedAsync(limit));
    }

    private static async Task<Results<Ok<StreamSummary>, ProblemHttpResult>> SummaryAsync(
        string kind, string key, HttpRequest request, ClaimsPrincipal user, EventCommands commands)
    {
        var stream = ParseStream(kind, key, request);
        var summary = await commands.StreamGrain(user.TenantId(), stream).GetSummaryAsync();
        return summary.Version == 0 ? NoStream(stream) : TypedResults.Ok(summary);
    }

    private static ProblemHttpResult NoStream(StreamId stream) => GatewayProblems.NotFound($"no stream {stream}");

    private static StreamId ParseStream(string kind, string key, HttpRequest request) =>
        StreamId.TryParse($"{kind}/{KeyAsSent(key, request)}", out var stream)
            ? stream
            : throw new EventValidationException([new FieldError(WireNames.TryParseStreamKind(kind, out _) ? "key" : "kind",
                WireNames.TryParseStreamKind(kind, out _) ? $"must be 1–{StreamId.MaxKeyLength} characters without control characters" : "must be session, lead, device, workflow or system")]);

    /// <summary>
    /// A key with a slash (lead "crm/42") is sent as crm%2F42. The router leaves %2F encoded in a route
    /// value but decodes %25, so a "%" there could stand for a slash or for a literal "%2F" (sent as
    /// %252F); the raw request target, /api/streams/{kind}/{key}…, tells them apart.
    /// </summary>
    private static string KeyAsSent(string routeKey, HttpRequest request)
    {
        if (!routeKey.Contains('%'))
        {
            return routeKey;
        }

        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        var pathBase = request.PathBase.ToUriComponent();
        var segments = target.StartsWith(pathBase + "/", StringComparison.OrdinalIgnoreCase)
            ? target.Split('?', 2)[0][pathBase.Length..].Split('/')
            : [];
        return segments.Length > 4 ? Uri.UnescapeDataString(segments[4]) : routeKey.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }

    private static (long FromVersion, int Limit) ParseReadQuery(IQueryCollection query)
    {
        var errors = QueryParameters.Unknown(query, ReadParameters);
        var fromVersion = 1L;
        if (query["from_version"].ToString() is { Length: > 0 } from && (!WholeNumber.TryParse(from, out fromVersion) || fromVersion < 1))
        {
            errors.Add(new FieldError("from_version", "must be a whole number of at least 1"));
        }

        var limit = ParseLimit(query, EventFilter.DefaultLimit, errors);
        return errors.Count == 0 ? (fromVersion, limit) : throw new EventValidationException(errors);
    }

    private static int ParseLimit(IQueryCollection query, int fallback, List<FieldError> errors)
    {
        if (query["limit"].ToString() is not { Length: > 0 } given)
        {
            return fallback;
        }

        if (WholeNumber.TryParse(given, out var limit) && limit is >= 1 and <= EventFilter.MaxLimit)
        {
            return (int)limit;
        }

        errors.Add(new FieldError("limit", $"must be between 1 and {EventFilter.MaxLimit}"));
        return fallback;
    }
}
