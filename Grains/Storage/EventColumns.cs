namespace OrleansEvents.Storage;

/// <summary>The column list every event read selects, in the order <see cref="EventRowReader"/> expects.</summary>
internal static class EventColumns
{
    public const string All =
        "id, event_id, tenant_id, stream, version, transaction_id, \"timestamp\", recorded_at, category, severity, " +
        "event_type, message, source, lead_id, session_id, device_id, account_id, workflow_id, context, " +
        "resolved, resolved_by, resolved_at, resolution_note, resolved_by_key";

    public const int Id = 0;
    public const int EventId = 1;
    public const int TenantId = 2;
    public const int Stream = 3;
    public const int Version = 4;
    public const int TransactionId = 5;
    public const int Timestamp = 6;
    public const int RecordedAt = 7;
    public const int Category = 8;
    public const int Severity = 9;
    public const int EventType = 10;
    public const int Message = 11;
    public const int Source = 12;
    public const int LeadId = 13;
    public const int SessionId = 14;
    public const int DeviceId = 15;
    public const int AccountId = 16;
    public const int WorkflowId = 17;
    public const int Context = 18;
    public const int Resolved = 19;
    public const int ResolvedBy = 20;
    public const int ResolvedAt = 21;
    public const int ResolutionNote = 22;
    public const int ResolvedByKey = 23;
}
