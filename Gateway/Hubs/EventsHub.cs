using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Requests;
using OrleansEvents.Hosting;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The dashboards' live feed at <c>/hubs/events</c>. A connection subscribes with the filters of
/// GET /api/events (as an object: <c>{ "severity": "error", "lead_id": "42" }</c>) and optionally the
/// cursor of the last event it saw; it then receives the stored events after that cursor, then live
/// ones, each once. Filters run on the server; tenant comes from the connection's key.
/// </summary>
[Authorize(Policy = GatewayPolicies.Read)]
public sealed class EventsHub(HubSubscriptions subscriptions, [FromKeyedServices(EventClock.Key)] TimeProvider clock) : Hub<IEventsClient>
{
    public const string Path = "/hubs/events";

    /// <summary>Starts (or replaces) this connection's subscription.</summary>
    public async Task<SubscribeResult> SubscribeAsync(JsonElement? filter = null, string? afterCursor = null)
    {
        LogPosition? after = null;
        if (!string.IsNullOrEmpty(afterCursor))
        {
            after = LogPosition.TryParse(afterCursor, out var cursor)
                ? cursor
                : throw new HubException("after_cursor must be a cursor {tx}-{id} as carried by an event's position field");
        }

        var criteria = ToQuery(filter);
        Queries.EventFilter parsed;
        try
        {
            parsed = EventQueryParser.Parse(criteria, QueryParameters.Filters, clock.GetUtcNow());
        }
        catch (EventValidationException invalid)
        {
            throw new HubException("invalid filter: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Field} {e.Message}")));
        }

        var start = await subscriptions.StartAsync(Context.ConnectionId, Context.User!.TenantId(), parsed, after);
        return new SubscribeResult(start.ToString());
    }

    /// <summary>The same as <see cref="SubscribeAsync"/>, for clients that drop the Async suffix.</summary>
    public Task<SubscribeResult> Subscribe(JsonElement? filter = null, string? afterCursor = null) => SubscribeAsync(filter, afterCursor);

    /// <summary>Stops this connection's subscription; the connection stays open.</summary>
    public Task UnsubscribeAsync() => subscriptions.StopAsync(Context.ConnectionId);

    /// <summary>Every connection hears of its tenant's problem groups (<c>problemsChanged</c>), subscribed or not.</summary>
    public override Task OnConnectedAsync() => Groups.AddToGroupAsync(Context.ConnectionId, ProblemsHubGroup.Of(Context.User!.TenantId()));

    public override Task OnDisconnectedAsync(Exception? exception) => subscriptions.StopAsync(Context.ConnectionId);

    /// <summary>The filter object as a query string: strings as they are, numbers and booleans as text, arrays comma-joined.</summary>
    private static QueryCollection ToQuery(JsonElement? filter)
    {
        if (filter is not { ValueKind: JsonValueKind.Object } criteria)
        {
            return filter is null or { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined }
                ? new QueryCollection()
                : throw new HubException("filter must be an object such as { \"severity\": \"error\" }");
        }

        var values = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(StringComparer.Ordinal);
        foreach (var property in Flattened(criteria))
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Array => string.Join(',', property.Value.EnumerateArray().Select(Text)),
                _ => Text(property.Value),
            };
            if (text is not null)
            {
                values[property.Name] = text;
            }
        }

        return new QueryCollection(values);
    }

    /// <summary>The filter's members, with <c>"context": { "attempt": 3 }</c> read as <c>"context.attempt": 3</c>.</summary>
    private static IEnumerable<(string Name, JsonElement Value)> Flattened(JsonElement criteria)
    {
        foreach (var property in criteria.EnumerateObject())
        {
            if (property is { Name: "context", Value.ValueKind: JsonValueKind.Object })
            {
                foreach (var member in property.Value.EnumerateObject())
                {
                    yield return (Queries.EventFilter.ContextParameterPrefix + member.Name, member.Value);
                }
            }
            else
            {
                yield return (property.Name, property.Value);
            }
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
