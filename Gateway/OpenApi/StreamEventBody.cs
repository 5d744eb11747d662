using System.Text.Json;

namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// One event posted to its stream's URL (documentation of the body; the handler reads it by hand): the
/// fields of <see cref="NewEventBody"/> and <c>expected_version</c>. An array of events takes its expected
/// version from If-Match instead. <c>stream</c> may be left out; given, it must be the URL's.
/// </summary>
/// <param name="ExpectedVersion">Append only if the stream is at this version (0: only if the stream is new), else 409 with the actual version. Same as If-Match: "&lt;version&gt;".</param>
/// <param name="EventType">Dotted lowercase words of a-z, 0-9 and _ (at most 100 characters), e.g. whatsapp.send_failed. Alias: type.</param>
/// <param name="Severity">info (default), warning, error or critical; INFO, WARN, WARNING, ERROR, CRITICAL accepted. Alias: level.</param>
/// <param name="Message">Free text, at most 8 KiB of UTF-8; default empty.</param>
/// <param name="Category">One lowercase word of a-z, 0-9 and _ (at most 50 characters); default the event type's first word.</param>
/// <param name="Source">Who sent the event, e.g. backend (at most 100 characters).</param>
/// <param name="EventId">The sender's id for the event (at most 255 characters): sent again, the stored event is answered instead of a copy. Default a new UUID.</param>
/// <param name="Stream">kind/key, kind one of session, lead, device, workflow, system; default the first of session_id, lead_id, device_id, workflow_id, else system/{category}.</param>
/// <param name="Timestamp">When it happened, RFC 3339; default the time it arrives.</param>
/// <param name="LeadId">The lead it concerns; a string or a whole number (at most 255 characters).</param>
/// <param name="SessionId">The session it concerns; a string or a whole number (at most 255 characters).</param>
/// <param name="DeviceId">The device it concerns; a string or a whole number (at most 255 characters).</param>
/// <param name="AccountId">The account it concerns; a string or a whole number (at most 255 characters).</param>
/// <param name="WorkflowId">The workflow it concerns; a string or a whole number (at most 255 characters).</param>
/// <param name="Context">Any JSON object (at most 64 KiB compact, 32 levels deep). Aliases: payload, details, data.</param>
public sealed record StreamEventBody(
    string EventType,
    string? Severity = null,
    string? Message = null,
    string? Category = null,
    string? Source = null,
    string? EventId = null,
    string? Stream = null,
    DateTimeOffset? Timestamp = null,
    string? LeadId = null,
    string? SessionId = null,
    string? DeviceId = null,
    string? AccountId = null,
    string? WorkflowId = null,
    IReadOnlyDictionary<string, JsonElement>? Context = null,
    long? ExpectedVersion = null);
