using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Gateway.OpenApi;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Hosting;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Apis;

/// <summary>The live feed as Server-Sent Events, with the filters of GET /api/events and resume by <c>Last-Event-ID</c>.</summary>
public static class LogStreamApi
{
    public static IEndpointRouteBuilder MapLogStreamApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/logs/stream", StreamAsync)
            .WithTags("Live")
            .WithName("StreamEvents")
            .WithSummary("Server-Sent Events of the tenant's events as they commit. With Last-Event-ID (or after) it first sends the stored events after that cursor, then live ones, each once.")
            .WithQueryParameters(QueryParameters.LiveStream)
            .WithRequestHeader("Last-Event-ID", "Cursor {tx}-{id} of the last event received (its id: field): the stream resumes after it. Wins over after.")
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .RequireAuthorization(GatewayPolicies.Read);
        return endpoints;
    }

    private static async Task StreamAsync(
        HttpContext context, ClaimsPrincipal user, LiveSession session, IOptions<GatewayOptions> options, IHostApplicationLifetime lifetime,
        [FromKeyedServices(EventClock.Key)] TimeProvider clock)
    {
        var filter = EventQueryParser.Parse(context.Request.Query, QueryParameters.LiveStream, clock.GetUtcNow());
        var after = Cursor(context.Request);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // A stream never ends by itself, and the server's shutdown waits for open requests: it ends when
        // the silo stops, and the client resumes elsewhere or later with Last-Event-ID.
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var streamOver = ended.Token;
        var sink = new SseSink(response);

        // Joined before the stream shows as open: a client that sees it open and then appends sees its event.
        using var subscriber = session.Open(user.TenantId(), filter, options.Value.LiveBufferCapacity);
        try
        {
            await sink.OpenAsync(streamOver);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(streamOver);
            var heartbeats = HeartbeatAsync(sink, options.Value.SseHeartbeat, stop.Token);
            try
            {
                await session.RunAsync(subscriber, after, sink, streamOver);
            }
            finally
            {
                await stop.CancelAsync();
                await heartbeats;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && streamOver.IsCancellationRequested)
        {
            // The client went away or the silo is stopping: the normal ends of a stream.
        }
    }

    private static LogPosition? Cursor(HttpRequest request)
    {
        var (field, text) = request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } header
            ? ("Last-Event-ID", header)
            : ("after", request.Query["after"].ToString());
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return LogPosition.TryParse(text, out var position)
            ? position
            : throw new EventValidationException([new FieldError(field, "must be a cursor {tx}-{id} as sent in the id: field of an earlier event")]);
    }

    private static async Task HeartbeatAsync(SseSink sink, TimeSpan every, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(every);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (DateTimeOffset.UtcNow - sink.LastWriteAt >= every * 0.9)
                {
                    await sink.HeartbeatAsync(cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // Stream over.
        }
    }
}
