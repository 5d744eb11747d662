using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Validation;

public static partial class EventValidator
{
    /// <summary>Every broken rule of a query filter; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(EventFilter filter)
    {
        var errors = new List<FieldError>();
        var fieldErrors = new FieldErrors(errors);

        if (filter.Limit is < 1 or > EventFilter.MaxLimit)
        {
            fieldErrors.Add("limit", $"must be between 1 and {EventFilter.MaxLimit}");
        }

        if (filter.Offset is < 0 or > EventFilter.MaxOffset)
        {
            fieldErrors.Add("offset", $"must be between 0 and {EventFilter.MaxOffset}; page further with after_id/before_id");
        }

        if (filter.AfterId is < 0)
        {
            fieldErrors.Add("after_id", "must not be negative");
        }

        if (filter.BeforeId is < 0)
        {
            fieldErrors.Add("before_id", "must not be negative");
        }

        if (filter.Since is { } since && filter.Until is { } until && since > until)
        {
            fieldErrors.Add("since", "must not be later than until");
        }

        if (filter.EventType is { } eventType && (eventType.Length > EventLimits.MaxEventTypeLength || !TextRules.EventType().IsMatch(eventType)))
        {
            fieldErrors.Add("event_type", "must be dotted lowercase words, or a prefix ending in * such as whatsapp.*");
        }

        if (filter.EventTypePrefix is { } prefix && (prefix.Length > EventLimits.MaxEventTypeLength || !TextRules.EventTypePrefix().IsMatch(prefix)))
        {
            fieldErrors.Add("event_type", $"prefix must be at most {EventLimits.MaxEventTypeLength} characters of lowercase letters, digits, _ and . (as event types are)");
        }

        if (filter.Category is { } category)
        {
            CheckCategory(category, "category", fieldErrors);
        }

        if (filter.Text is { } text && (text.Length > EventFilter.MaxTextLength || !TextRules.IsStorable(text)))
        {
            fieldErrors.Add("q", $"must be at most {EventFilter.MaxTextLength} characters without U+0000");
        }

        CheckContextCriteria(filter.Context, fieldErrors);

        // The rules of the stored values: a value no event can hold is a mistake worth naming, not an empty page.
        CheckLine(filter.Source, "source", EventLimits.MaxSourceLength, fieldErrors);
        CheckLine(filter.LeadId, "lead_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(filter.SessionId, "session_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(filter.DeviceId, "device_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(filter.AccountId, "account_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(filter.WorkflowId, "workflow_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(filter.ResolvedByKey, "resolved_by_key", EventLimits.MaxKeyNameLength, fieldErrors);
        return errors;
    }

    /// <summary>
    /// A key that no context member can be typed back as (empty, control characters, too long) is named
    /// as <c>context</c>, since echoing it would not help; a bad value is named by its parameter.
    /// </summary>
    private static void CheckContextCriteria(IReadOnlyDictionary<string, string>? criteria, FieldErrors fieldErrors)
    {
        if (criteria is null)
        {
            return;
        }

        if (criteria.Count > EventFilter.MaxContextCriteria)
        {
            fieldErrors.Add("context", $"takes at most {EventFilter.MaxContextCriteria} context.<key>=<value> filters");
        }

        foreach (var (key, value) in criteria)
        {
            if (key.Length is 0 or > EventFilter.MaxContextKeyLength || !TextRules.IsStorable(key) || TextRules.HasControlCharacter(key))
            {
                fieldErrors.Add("context", $"context.<key> needs a key of 1–{EventFilter.MaxContextKeyLength} characters without control characters");
            }
            else
            {
                CheckLine(value, EventFilter.ContextParameterPrefix + key, EventFilter.MaxTextLength, fieldErrors);
            }
        }
    }

    /// <summary>Throws <see cref="EventValidationException"/> when the filter breaks a rule.</summary>
    public static void EnsureValid(EventFilter filter)
    {
        if (Validate(filter) is { Count: > 0 } errors)
        {
            throw new EventValidationException(errors);
        }
    }

    /// <summary>Validates an edit and returns it normalized: typed severity and compact context.</summary>
    public static NormalizedUpdate Normalize(EventUpdate update)
    {
        var errors = new List<FieldError>();
        var fieldErrors = new FieldErrors(errors);

        Severity? severity = null;
        if (update.Severity is not null)
        {
            if (WireNames.TryParseSeverity(update.Severity, out var parsed))
            {
                severity = parsed;
            }
            else
            {
                fieldErrors.Add("severity", SeverityRule);
            }
        }

        if (update.Message is { } message)
        {
            CheckMessage(message, "message", fieldErrors);
        }

        CheckLine(update.Source, "source", EventLimits.MaxSourceLength, fieldErrors);
        string? contextJson = null;
        var clearsContext = update.Context is { ValueKind: JsonValueKind.Null };
        if (update.Context is { } context && !clearsContext)
        {
            contextJson = ContextRules.Compact(context, out var contextError);
            if (contextError is not null)
            {
                fieldErrors.Add("context", contextError);
            }
        }

        // Only when nothing else is wrong: a bad severity is not also "no change".
        if (errors.Count == 0 && update.Severity is null && update.Message is null && update.Source is null && update.Context is null)
        {
            fieldErrors.Add("body", "must change at least one of severity, message, context, source");
        }

        return errors.Count == 0
            ? new NormalizedUpdate(severity, update.Message, contextJson, update.Source, clearsContext)
            : throw new EventValidationException(errors);
    }

    /// <summary>Throws <see cref="EventValidationException"/> when a resolution breaks a rule.</summary>
    public static void EnsureValid(Resolution resolution)
    {
        var errors = new List<FieldError>();
        if (resolution.Note is { } note && (note.Length > Resolution.MaxNoteLength || !TextRules.IsStorable(note)))
        {
            errors.Add(new FieldError("note", $"must be at most {Resolution.MaxNoteLength} characters without U+0000"));
        }

        CheckLine(resolution.ByKey, "resolved_by_key", EventLimits.MaxKeyNameLength, new FieldErrors(errors));
        if (errors.Count > 0)
        {
            throw new EventValidationException(errors);
        }
    }

    /// <summary>Throws <see cref="EventValidationException"/> unless the tenant id is 1–100 of A-Z a-z 0-9 _ . : -.</summary>
    public static void EnsureValidTenant(string tenantId)
    {
        if (string.IsNullOrEmpty(tenantId) || tenantId.Length > EventLimits.MaxTenantIdLength || !TextRules.TenantId().IsMatch(tenantId))
        {
            throw new EventValidationException(
                [new FieldError("tenant_id", "must be 1–100 characters of A-Z, a-z, 0-9, _, ., : and -")]);
        }
    }
}
