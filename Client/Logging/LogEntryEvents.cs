using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OrleansEvents.Emit;
using OrleansEvents.Events;
using OrleansEvents.Validation;

namespace OrleansEvents.Client.Logging;

/// <summary>
/// How a log entry becomes an event. Category: the logger category's last segment in snake_case
/// (<c>MyApp.StripeClient</c> → <c>stripe_client</c>). Event type: <see cref="EventLoggerOptions.EventTypes"/>
/// by event id name or logger category, else <c>{category}.{event id name}</c> or <c>{category}.log</c>.
/// Severity: warning, error, critical; lower levels are info. Message: the formatted entry. Context: the
/// logger, the event id, the message template, the key/value scopes (outer first) and the template's
/// arguments (winning over scopes), all keys in snake_case; other scopes as text under <c>scopes</c>; an
/// exception's type and its message cut to 200 characters under <c>exception</c>. A <c>lead_id</c>,
/// <c>session_id</c>, <c>device_id</c>, <c>account_id</c> or <c>workflow_id</c> among them also becomes
/// the event's correlation id, and so picks its stream.
/// </summary>
internal static class LogEntryEvents
{
    private const string OriginalFormat = "{OriginalFormat}";
    private static readonly JsonNamingPolicy SnakeCase = JsonNamingPolicy.SnakeCaseLower;

    public static NewEvent From<TState>(
        string loggerCategory, LogLevel level, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter,
        IExternalScopeProvider? scopes, EventLoggerOptions options)
    {
        var category = Word(loggerCategory[(loggerCategory.LastIndexOf('.') + 1)..]) is { Length: > 0 } word ? word : "app";
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var textScopes = new List<string>();
        scopes?.ForEachScope((scope, _) => Collect(scope, values, textScopes), (object?)null);
        string? template = null;
        if (state is IEnumerable<KeyValuePair<string, object?>> arguments)
        {
            foreach (var (name, value) in arguments)
            {
                if (name == OriginalFormat)
                {
                    template = value as string;
                }
                else
                {
                    values[SnakeCase.ConvertName(name)] = value;
                }
            }
        }

        return new NewEvent
        {
            Category = category,
            Severity = WireNames.Of(level switch
            {
                LogLevel.Critical => Severity.Critical,
                LogLevel.Error => Severity.Error,
                LogLevel.Warning => Severity.Warning,
                _ => Severity.Info,
            }),
            EventType = EventType(loggerCategory, category, eventId, options),
            Message = CutToBytes(formatter(state, exception), EventLimits.MaxMessageBytes),
            LeadId = Id(values, "lead_id"),
            SessionId = Id(values, "session_id"),
            DeviceId = Id(values, "device_id"),
            AccountId = Id(values, "account_id"),
            WorkflowId = Id(values, "workflow_id"),
            Context = Context(loggerCategory, eventId, template, values, textScopes, exception),
        };
    }

    private static string EventType(string loggerCategory, string category, EventId eventId, EventLoggerOptions options)
    {
        if ((eventId.Name is { } named && options.EventTypes.TryGetValue(named, out var mapped)) || options.EventTypes.TryGetValue(loggerCategory, out mapped))
        {
            return mapped;
        }

        var name = eventId.Name is { } idName ? Word(idName) : "";
        var eventType = $"{category}.{(name.Length > 0 ? name : "log")}";
        return eventType.Length <= EventLimits.MaxEventTypeLength ? eventType : eventType[..EventLimits.MaxEventTypeLength].TrimEnd('_', '.');
    }

    private static void Collect(object? scope, Dictionary<string, object?> values, List<string> textScopes)
    {
        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (name, value) in pairs)
            {
                if (name != OriginalFormat)
                {
                    values[SnakeCase.ConvertName(name)] = value;
                }
            }
        }
        else if (scope?.ToString() is { Length: > 0 } text)
        {
            textScopes.Add(text);
        }
    }

    private static JsonElement Context(
        string loggerCategory, EventId eventId, string? template, Dictionary<string, object?> values, List<string> textScopes, Exception? exception)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("logger", loggerCategory);
            if (eventId.Id != 0)
            {
                json.WriteNumber("event_id", eventId.Id);
            }

            if (template is not null)
            {
                json.WriteString("message_template", template);
            }

            foreach (var (name, value) in values)
            {
                json.WritePropertyName(name);
                Write(json, value);
            }

            if (textScopes.Count > 0)
            {
                json.WriteStartArray("scopes");
                textScopes.ForEach(json.WriteStringValue);
                json.WriteEndArray();
            }

            if (exception is not null)
            {
                json.WriteStartObject("exception");
                json.WriteString("type", exception.GetType().FullName);
                json.WriteString("message", ErrorText.Cut(exception.Message));
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or byte or sbyte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong whole:
                json.WriteNumberValue(whole);
                break;
            case decimal exact:
                json.WriteNumberValue(exact);
                break;
            case double or float when double.IsFinite(Convert.ToDouble(value, CultureInfo.InvariantCulture)):
                json.WriteNumberValue(Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset moment:
                json.WriteStringValue(moment);
                break;
            case DateTime moment:
                json.WriteStringValue(moment);
                break;
            case Guid id:
                json.WriteStringValue(id);
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    private static string? Id(Dictionary<string, object?> values, string name) => values.GetValueOrDefault(name) switch
    {
        string { Length: > 0 } text => text,
        int or long or short or uint or ulong or Guid => Convert.ToString(values[name], CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A name as one lowercase word of <c>[a-z0-9_]</c> (snake_case, other characters as <c>_</c>), at most 50 characters.</summary>
    private static string Word(string name)
    {
        var snake = SnakeCase.ConvertName(name);
        var word = new StringBuilder(snake.Length);
        foreach (var c in snake)
        {
            var kept = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) ? c : '_';
            if (kept != '_' || (word.Length > 0 && word[^1] != '_'))
            {
                word.Append(kept);
            }
        }

        var text = word.ToString().Trim('_');
        return text.Length <= EventLimits.MaxCategoryLength ? text : text[..EventLimits.MaxCategoryLength].TrimEnd('_');
    }

    private static string CutToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var length = Math.Min(text.Length, maxBytes);
        while (length > 0 && Encoding.UTF8.GetByteCount(text.AsSpan(0, length)) > maxBytes - 16)
        {
            length = length * 9 / 10;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length] + ErrorText.TruncationMarker;
    }
}
