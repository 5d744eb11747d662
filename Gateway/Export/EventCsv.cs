using System.Globalization;
using OrleansEvents.Events;

namespace OrleansEvents.Gateway.Export;

/// <summary>
/// One CSV line per event (RFC 4180 quoting); context as compact JSON in one cell. Text that a
/// spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) is prefixed with ',
/// which spreadsheets show as text and do not display.
/// </summary>
public static class EventCsv
{
    public const string Header =
        "id,event_id,stream,version,position,timestamp,recorded_at,category,severity,event_type,message,source," +
        "lead_id,session_id,device_id,account_id,workflow_id,context,resolved,resolved_by,resolved_at,resolution_note,resolved_by_key,tenant_id";

    public static string Row(StoredEvent e) => string.Join(',',
        e.Id.ToString(CultureInfo.InvariantCulture),
        Quote(e.EventId),
        Quote(e.Stream.ToString()),
        e.Version.ToString(CultureInfo.InvariantCulture),
        e.Position.ToString(),
        Time(e.Timestamp),
        Time(e.RecordedAt),
        Quote(e.Category),
        WireNames.Of(e.Severity),
        Quote(e.EventType),
        Quote(e.Message),
        Quote(e.Source),
        Quote(e.LeadId),
        Quote(e.SessionId),
        Quote(e.DeviceId),
        Quote(e.AccountId),
        Quote(e.WorkflowId),
        Quote(e.Context?.GetRawText()),
        e.Resolved ? "true" : "false",
        e.ResolvedBy is { } by ? WireNames.Of(by) : "",
        e.ResolvedAt is { } at ? Time(at) : "",
        Quote(e.ResolutionNote),
        Quote(e.ResolvedByKey),
        Quote(e.TenantId)); // last, so readers that take columns by position keep working

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static string Quote(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var cell = text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
