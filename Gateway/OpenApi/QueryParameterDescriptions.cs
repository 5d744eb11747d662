namespace OrleansEvents.Gateway.OpenApi;

/// <summary>What each query parameter means, for the OpenAPI document.</summary>
internal static class QueryParameterDescriptions
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["severity"] = "One severity or a comma list without spaces: info, warning, error, critical (WARN, ERROR … accepted in any case).",
        ["min_severity"] = "This severity or worse.",
        ["category"] = "Exact category, e.g. scheduler.",
        ["event_type"] = "Exact event type, or a prefix ending in *, e.g. whatsapp.*.",
        ["stream"] = "Exact stream, kind/key, e.g. lead/123.",
        ["lead_id"] = "Events of this lead.",
        ["session_id"] = "Events of this session.",
        ["device_id"] = "Events of this device.",
        ["account_id"] = "Events of this account.",
        ["workflow_id"] = "Events of this workflow.",
        ["source"] = "Exact source, e.g. backend.",
        ["resolved"] = "true or false.",
        ["resolved_by"] = "Resolved by human, llm_agent or auto.",
        ["resolved_by_key"] = "Resolved with the API key of this name (Auth:ApiKeys:N:Name, default key-N).",
        ["since"] = "Events that happened at or after it: RFC 3339 with offset (Z, +01:00; a + left unencoded still reads as +), now, or a duration back from now (15m, 24h, 7d; units s, m, h, d).",
        ["until"] = "Events that happened at or before it; written as since (2026-02-01T00:00:00Z, now, 1h).",
        ["q"] = "Text (≤ 200 characters) in the message, the event type or any string value inside context, at any depth. A plain substring: % and _ are literal; A–Z and a–z are alike, other characters match only themselves.",
        ["context.{key}"] = "context.<key>=<value>: the top-level context member <key> (the whole rest of the name, dots included) has this value: the string exactly, or, when the value is written as a JSON number, true, false or null, that JSON value (numbers by value: context.attempt=3 matches 3, 3.0 and \"3\"). Up to 10, all must hold; keys 1–100 characters, values ≤ 200, neither with control characters.",
        ["after_id"] = "Only ids greater than this (keyset paging, oldest first).",
        ["before_id"] = "Only ids less than this (keyset paging, newest first: pass next_cursor).",
        ["offset"] = "Rows to skip (0–100 000); prefer before_id/after_id.",
        ["limit"] = "Page size 1–1 000, default 100 (export: the most rows in total; /admin/events: capped at 1 000).",
        ["order"] = "desc (default, newest first) or asc.",
        ["include_total"] = "true to count every match (costs a second query).",
        ["format"] = "ndjson (default) or csv.",
        ["after"] = "Cursor {tx}-{id} to resume after (same as the Last-Event-ID header).",
        ["access_token"] = "The API key, for clients that cannot set headers (EventSource, WebSocket).",
    };

    public static string Of(string name) => Descriptions.GetValueOrDefault(name, name);
}
