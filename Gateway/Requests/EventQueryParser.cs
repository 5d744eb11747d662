using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Turns a query string into an <see cref="EventFilter"/>, strictly: an unknown or repeated
/// parameter, a number that is not one, a bad timestamp or severity is an error naming the
/// parameter — never silently ignored. Empty values count as absent. Names of enums (severity,
/// order, resolved_by) take any case but no surrounding spaces.
/// </summary>
public static class EventQueryParser
{
    /// <param name="query">The raw query string.</param>
    /// <param name="allowed">The parameters this endpoint accepts; any other is an error.</param>
    /// <param name="now">What since=15m and until=now count back from: the event clock's time.</param>
    /// <param name="start">Criteria the endpoint fixes before the caller's are applied.</param>
    /// <param name="capLimit">Lower a limit above <see cref="EventFilter.MaxLimit"/> to it instead of refusing it.</param>
    /// <exception cref="EventValidationException">Every broken rule at once.</exception>
    public static EventFilter Parse(IQueryCollection query, IReadOnlyCollection<string> allowed, DateTimeOffset now, EventFilter? start = null, bool capLimit = false)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string rule) => errors.Add(new FieldError(field, rule));

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var context = new Dictionary<string, string>(StringComparer.Ordinal);
        var takesContext = allowed.Contains(QueryParameters.ContextFilter);
        foreach (var (name, value) in query)
        {
            if (takesContext && name.StartsWith(EventFilter.ContextParameterPrefix, StringComparison.Ordinal))
            {
                ReadContextCriterion(name, value, context, Fail);
            }
            else if (!allowed.Contains(name))
            {
                Fail(name, QueryParameters.UnknownRule(allowed));
            }
            else if (value.Count > 1)
            {
                Fail(name, "must be given once");
            }
            else if (value.ToString() is { Length: > 0 } text)
            {
                values[name] = text;
            }
        }

        string? Text(string name) => values.GetValueOrDefault(name);

        var filter = (start ?? new EventFilter()) with
        {
            LeadId = Text("lead_id") ?? start?.LeadId,
            SessionId = Text("session_id") ?? start?.SessionId,
            DeviceId = Text("device_id") ?? start?.DeviceId,
            AccountId = Text("account_id") ?? start?.AccountId,
            WorkflowId = Text("workflow_id") ?? start?.WorkflowId,
            Category = Text("category") ?? start?.Category,
            Source = Text("source") ?? start?.Source,
            Text = Text("q") ?? start?.Text,
            ResolvedByKey = Text("resolved_by_key") ?? start?.ResolvedByKey,
            Context = context.Count > 0 ? context : start?.Context,
        };

        if (Text("stream") is { } stream)
        {
            filter = StreamId.TryParse(stream, out var id) ? filter with { Stream = id } : filter;
            if (filter.Stream is null)
            {
                Fail("stream", "must be kind/key with kind session, lead, device, workflow or system");
            }
        }

        if (Text("severity") is { } severities)
        {
            var parsed = new List<Severity>();
            foreach (var part in severities.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (WireNames.TryParseSeverity(part, out var severity))
                {
                    parsed.Add(severity);
                }
                else
                {
                    Fail("severity", $"'{part}' is not one of info, warning, error, critical (one, or a comma list)");
                }
            }

            filter = filter with { Severities = parsed.Distinct().ToArray() };
        }

        if (Text("min_severity") is { } minimum)
        {
            if (WireNames.TryParseSeverity(minimum, out var severity))
            {
                filter = filter with { MinSeverity = severity };
            }
            else
            {
                Fail("min_severity", "must be one of info, warning, error, critical");
            }
        }

        if (Text("resolved_by") is { } resolvedBy)
        {
            if (WireNames.TryParseResolvedBy(resolvedBy, out var by))
            {
                filter = filter with { ResolvedBy = by };
            }
            else
            {
                Fail("resolved_by", "must be one of human, llm_agent, auto");
            }
        }

        if (Text("event_type") is { } eventType)
        {
            filter = eventType.EndsWith('*')
                ? filter with { EventTypePrefix = eventType[..^1], EventType = null }
                : filter with { EventType = eventType, EventTypePrefix = null };
        }

        filter = filter with
        {
            Resolved = Boolean("resolved", Text("resolved"), Fail) ?? filter.Resolved,
            IncludeTotal = Boolean("include_total", Text("include_total"), Fail) ?? filter.IncludeTotal,
            Since = Time("since", Text("since"), now, Fail) ?? filter.Since,
            Until = Time("until", Text("until"), now, Fail) ?? filter.Until,
            AfterId = Integer("after_id", Text("after_id"), Fail) ?? filter.AfterId,
            BeforeId = Integer("before_id", Text("before_id"), Fail) ?? filter.BeforeId,
            Offset = (int?)Integer("offset", Text("offset"), Fail, int.MaxValue) ?? filter.Offset,
            Limit = (int?)Integer("limit", Text("limit"), Fail, int.MaxValue) ?? filter.Limit,
        };

        if (capLimit && filter.Limit > EventFilter.MaxLimit)
        {
            filter = filter with { Limit = EventFilter.MaxLimit };
        }

        switch (Text("order")?.ToLowerInvariant())
        {
            case null:
                break;
            case "desc":
                filter = filter with { Order = SortOrder.Descending };
                break;
            case "asc":
                filter = filter with { Order = SortOrder.Ascending };
                break;
            default:
                Fail("order", "must be asc or desc");
                break;
        }

        // Range rules (limit 1–1000, offset, since ≤ until, event type syntax) live with the filter.
        if (errors.Count == 0)
        {
            errors.AddRange(EventValidator.Validate(filter));
        }

        return errors.Count == 0 ? filter : throw new EventValidationException(errors);
    }

    /// <summary>
    /// <c>context.&lt;key&gt;=&lt;value&gt;</c>: the key is the rest of the name, dots and all. An empty value
    /// counts as absent, as for every parameter, but its key is still checked.
    /// </summary>
    private static void ReadContextCriterion(string name, StringValues value, Dictionary<string, string> context, Action<string, string> fail)
    {
        var key = name[EventFilter.ContextParameterPrefix.Length..];
        if (value.Count > 1)
        {
            fail(name, "must be given once");
        }
        else if (value.ToString() is { Length: > 0 } text)
        {
            context[key] = text;
        }
        else
        {
            foreach (var error in EventValidator.Validate(new EventFilter { Context = new Dictionary<string, string> { [key] = "" } }))
            {
                fail(error.Field, error.Message);
            }
        }
    }

    private static bool? Boolean(string name, string? text, Action<string, string> fail)
    {
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                fail(name, "must be true or false");
                return null;
        }
    }

    private static DateTimeOffset? Time(string name, string? text, DateTimeOffset now, Action<string, string> fail)
    {
        if (text is null)
        {
            return null;
        }

        if (TimeExpression.TryParse(WithPlusRestored(text), now, out var value))
        {
            return value;
        }

        fail(name, TimeExpression.Rule);
        return null;
    }

    /// <summary>
    /// An unencoded <c>+01:00</c> reaches the server as <c> 01:00</c> (a query string's + is a space);
    /// a space there can mean nothing else, so it is read as the + the caller typed.
    /// </summary>
    private static string WithPlusRestored(string text) =>
        text.Length > 6 && text[^6] == ' ' && text[^3] == ':' ? string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5)) : text;

    private static long? Integer(string name, string? text, Action<string, string> fail, long max = long.MaxValue)
    {
        if (text is null)
        {
            return null;
        }

        if (WholeNumber.TryParse(text, out var value) && value <= max)
        {
            return value;
        }

        fail(name, "must be a whole number" + (name == "limit" ? $" between 1 and {EventFilter.MaxLimit}" : ""));
        return null;
    }
}
