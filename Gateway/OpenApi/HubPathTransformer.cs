using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansEvents.Gateway.Hubs;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Gateway.Responses;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// Adds the SignalR hub, which the framework leaves out of the document. OpenAPI cannot describe
/// the messages of a WebSocket, so the operation's description lists the hub's methods and messages,
/// and the schemas of their payloads are kept as components.
/// </summary>
internal sealed class HubPathTransformer : IOpenApiDocumentTransformer
{
    private const string Tag = "Live";

    private const string Description = """
        The SignalR hub of the live feed (JSON protocol). Connect with the official client
        (@microsoft/signalr), giving the key as accessTokenFactory; it negotiates at
        POST /hubs/events/negotiate, then upgrades this path to a WebSocket (or falls back to SSE or long polling).

        Methods the client invokes:
        - SubscribeAsync(filter, after_cursor): filter is an object with the filters of GET /api/events
          ({ "severity": ["error", "critical"], "lead_id": "42" }), or null for all of the tenant's events;
          after_cursor is the position of the last event the client saw, or null for live events only.
          Answers SubscribeResult { after_cursor }. Then come the stored events after the cursor that
          match, then live ones, each exactly once. A second call replaces the subscription.
          A bad filter or cursor fails the invocation with a message naming the field.
        - UnsubscribeAsync(): stops the subscription; the connection stays open.

        Messages the hub sends, each a snake_case JSON object:
        - event: a committed event (StoredEvent); its position is the cursor to resume after.
        - eventResolved, eventUpdated, eventDeleted: an event was resolved or reopened, edited, deleted.
        - replayed: { replay_id, event } for each event a replay re-publishes.
        - stats: the tenant's counts (StatsResponse), as GET /api/events/stats.
        - resync: ResyncNotice { after_cursor, reason }: the connection fell behind and changes were
          dropped, or the cursor given is past the end of this store's log; committed events resume
          after after_cursor, refetch anything else.

        A read key is enough. The tenant is the key's: no filter reaches another tenant's events.
        """;

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Referenced so that the payloads named above are in the document's components.
        await context.ReferenceAsync(document, typeof(SubscribeResult), cancellationToken);
        await context.ReferenceAsync(document, typeof(ResyncNotice), cancellationToken);
        await context.ReferenceAsync(document, typeof(StatsResponse), cancellationToken);

        OpenApiSecurityRequirement Requirement(string scheme) => new() { [new OpenApiSecuritySchemeReference(scheme, document)] = ["read"] };
        document.Paths ??= [];
        document.Paths[EventsHub.Path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "ConnectEventsHub",
                    Summary = "SignalR hub of the live feed: subscribe with filters and a cursor, then receive stored and live events, each once.",
                    Description = Description,
                    Tags = new HashSet<OpenApiTagReference> { new(Tag) },
                    Security =
                    [
                        Requirement(ApiKeySecuritySchemes.AccessToken), Requirement(ApiKeySecuritySchemes.ApiKey),
                        Requirement(ApiKeySecuritySchemes.Bearer), Requirement(ApiKeySecuritySchemes.AdminApiKey),
                    ],
                    Responses = new OpenApiResponses
                    {
                        ["101"] = new OpenApiResponse { Description = "Switched to a WebSocket speaking the SignalR JSON protocol." },
                        ["401"] = new OpenApiResponse { Description = "No valid API key." },
                    },
                },
            },
        };
    }
}
