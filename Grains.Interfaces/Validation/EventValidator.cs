using System.Text.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Validation;

/// <summary>
/// The one place that enforces the event rules of docs/architecture.md §3. Every method reports all broken
/// rules at once, named by their wire (snake_case) field, so a caller can fix a request in one go.
/// </summary>
public static partial class EventValidator
{
    private const string EventTypeRule = "must be dotted lowercase words matching ^[a-z0-9_]+(\\.[a-z0-9_]+)*\\z, e.g. whatsapp.send_failed";
    private const string SeverityRule = "must be one of info, warning, error, critical (INFO, WARN, WARNING, ERROR, CRITICAL accepted in any case, without surrounding spaces)";
    private const string ControlCharacterRule = "must not contain control characters (U+0000–U+001F, U+007F–U+009F: tab and newline included)";

    /// <summary>Validates and normalizes a batch; throws <see cref="EventValidationException"/> listing each bad index.</summary>
    public static IReadOnlyList<PendingEvent> Normalize(IReadOnlyList<NewEvent> batch, DateTimeOffset now)
    {
        if (batch.Count is 0 or > EventLimits.MaxBatchSize)
        {
            throw new EventValidationException(
                [new FieldError("events", $"must contain 1–{EventLimits.MaxBatchSize} events, not {batch.Count}")]);
        }

        var errors = new List<FieldError>();
        var pending = new List<PendingEvent>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (TryNormalize(batch[i], now, i, errors) is { } normalized)
            {
                pending.Add(normalized);
            }
        }

        return errors.Count == 0 ? pending : throw new EventValidationException(errors);
    }

    /// <summary>Validates and normalizes one event; throws <see cref="EventValidationException"/> when it breaks a rule.</summary>
    public static PendingEvent Normalize(NewEvent newEvent, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        return TryNormalize(newEvent, now, -1, errors) ?? throw new EventValidationException(errors);
    }

    /// <summary>Every broken rule of one event; empty when it is valid.</summary>
    public static IReadOnlyList<FieldError> Validate(NewEvent newEvent)
    {
        var errors = new List<FieldError>();
        TryNormalize(newEvent, DateTimeOffset.UnixEpoch, -1, errors);
        return errors;
    }

    private static PendingEvent? TryNormalize(NewEvent e, DateTimeOffset now, int batchIndex, List<FieldError> errors)
    {
        var before = errors.Count;
        var fieldErrors = new FieldErrors(errors, batchIndex);

        var eventId = TextRules.NullIfBlank(e.EventId);
        CheckLine(eventId, "event_id", EventLimits.MaxEventIdLength, fieldErrors);

        var eventType = e.EventType;
        if (string.IsNullOrEmpty(eventType))
        {
            fieldErrors.Add("event_type", "is required");
        }
        else if (eventType.Length > EventLimits.MaxEventTypeLength)
        {
            fieldErrors.Add("event_type", $"must be at most {EventLimits.MaxEventTypeLength} characters");
        }
        else if (!TextRules.EventType().IsMatch(eventType))
        {
            fieldErrors.Add("event_type", EventTypeRule);
        }

        var category = TextRules.NullIfBlank(e.Category);
        if (category is not null)
        {
            CheckCategory(category, "category", fieldErrors);
        }

        var severity = Severity.Info;
        if (e.Severity is not null && !WireNames.TryParseSeverity(e.Severity, out severity))
        {
            fieldErrors.Add("severity", SeverityRule);
        }

        var message = e.Message ?? string.Empty;
        CheckMessage(message, "message", fieldErrors);
        var source = TextRules.NullIfBlank(e.Source);
        CheckLine(source, "source", EventLimits.MaxSourceLength, fieldErrors);

        var leadId = TextRules.NullIfBlank(e.LeadId);
        var sessionId = TextRules.NullIfBlank(e.SessionId);
        var deviceId = TextRules.NullIfBlank(e.DeviceId);
        var accountId = TextRules.NullIfBlank(e.AccountId);
        var workflowId = TextRules.NullIfBlank(e.WorkflowId);
        CheckLine(leadId, "lead_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(sessionId, "session_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(deviceId, "device_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(accountId, "account_id", EventLimits.MaxCorrelationIdLength, fieldErrors);
        CheckLine(workflowId, "workflow_id", EventLimits.MaxCorrelationIdLength, fieldErrors);

        StreamId? stream = null;
        if (TextRules.NullIfBlank(e.Stream) is { } streamText)
        {
            if (StreamId.TryParse(streamText, out var parsed))
            {
                stream = parsed;
            }
            else
            {
                fieldErrors.Add("stream", $"must be kind/key with kind one of session, lead, device, workflow, system and a key of 1–{StreamId.MaxKeyLength} characters");
            }
        }

        string? contextJson = null;
        if (e.Context is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } context)
        {
            contextJson = ContextRules.Compact(context, out var contextError);
            if (contextError is not null)
            {
                fieldErrors.Add("context", contextError);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        category ??= CategoryOf(eventType);
        return new PendingEvent
        {
            EventId = eventId ?? Guid.CreateVersion7().ToString(),
            Stream = stream ?? StreamRouter.Route(sessionId, leadId, deviceId, workflowId, category),
            Timestamp = ToStoredPrecision(e.Timestamp ?? now),
            Category = category,
            Severity = severity,
            EventType = eventType,
            Message = message,
            Source = source,
            LeadId = leadId,
            SessionId = sessionId,
            DeviceId = deviceId,
            AccountId = accountId,
            WorkflowId = workflowId,
            ContextJson = contextJson,
        };
    }

    /// <summary>
    /// The stream a sent event goes to, read from its routing fields alone: the one <see cref="Normalize(NewEvent, DateTimeOffset)"/>
    /// gives it whenever it is valid. False when those fields make no stream (no event type, a malformed stream, a
    /// routing id with control characters); such an event is invalid, and only validation can say why.
    /// </summary>
    public static bool TryRoute(NewEvent e, out StreamId stream)
    {
        if (TextRules.NullIfBlank(e.Stream) is { } streamText)
        {
            return StreamId.TryParse(streamText, out stream);
        }

        if (string.IsNullOrEmpty(e.EventType))
        {
            stream = default;
            return false;
        }

        return StreamRouter.TryRoute(
            TextRules.NullIfBlank(e.SessionId), TextRules.NullIfBlank(e.LeadId), TextRules.NullIfBlank(e.DeviceId), TextRules.NullIfBlank(e.WorkflowId),
            TextRules.NullIfBlank(e.Category) ?? CategoryOf(e.EventType), out stream);
    }

    /// <summary>An absent category is the event type's first segment, cut to the longest category.</summary>
    private static string CategoryOf(string eventType)
    {
        var category = eventType[..(eventType.IndexOf('.') is var dot and >= 0 ? dot : eventType.Length)];
        return category.Length > EventLimits.MaxCategoryLength ? category[..EventLimits.MaxCategoryLength] : category;
    }

    /// <summary>UTC, truncated to the microsecond that PostgreSQL keeps, so both stores return the same instant.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % 10), TimeSpan.Zero);
    }

    private static void CheckCategory(string category, string field, FieldErrors fieldErrors)
    {
        if (category.Length > EventLimits.MaxCategoryLength)
        {
            fieldErrors.Add(field, $"must be at most {EventLimits.MaxCategoryLength} characters");
        }
        else if (!TextRules.Category().IsMatch(category))
        {
            fieldErrors.Add(field, "must be one lowercase word of a-z, 0-9 and _, e.g. scheduler");
        }
    }

    private static void CheckMessage(string message, string field, FieldErrors fieldErrors)
    {
        if (!TextRules.IsStorable(message))
        {
            fieldErrors.Add(field, "must not contain U+0000 or unpaired surrogates");
        }
        else if (TextRules.Utf8Length(message) > EventLimits.MaxMessageBytes)
        {
            fieldErrors.Add(field, $"must be at most {EventLimits.MaxMessageBytes} bytes of UTF-8");
        }
    }

    /// <summary>
    /// One-line text (ids, source): within its length, storable, and without control characters, so
    /// what is stored can be typed back into a filter, a URL or a stream key exactly as sent.
    /// </summary>
    private static void CheckLine(string? text, string field, int maxLength, FieldErrors fieldErrors)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > maxLength)
        {
            fieldErrors.Add(field, $"must be at most {maxLength} characters");
        }
        else if (!TextRules.IsStorable(text))
        {
            fieldErrors.Add(field, "must not contain U+0000 or unpaired surrogates");
        }
        else if (TextRules.HasControlCharacter(text))
        {
            fieldErrors.Add(field, ControlCharacterRule);
        }
    }
}
