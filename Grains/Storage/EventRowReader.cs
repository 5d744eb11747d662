using System.Data.Common;
using System.Text.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Storage;

/// <summary>Turns a row of <see cref="EventColumns.All"/> into a <see cref="StoredEvent"/>; the store supplies its time and transaction id encodings.</summary>
internal abstract class EventRowReader
{
    public StoredEvent Read(DbDataReader row) => new()
    {
        Id = row.GetInt64(EventColumns.Id),
        EventId = row.GetString(EventColumns.EventId),
        TenantId = row.GetString(EventColumns.TenantId),
        Stream = StreamId.Parse(row.GetString(EventColumns.Stream)),
        Version = row.GetInt64(EventColumns.Version),
        Position = new LogPosition(ReadTransactionId(row, EventColumns.TransactionId), row.GetInt64(EventColumns.Id)),
        Timestamp = ReadTime(row, EventColumns.Timestamp),
        RecordedAt = ReadTime(row, EventColumns.RecordedAt),
        Category = row.GetString(EventColumns.Category),
        Severity = WireNames.ParseSeverity(row.GetString(EventColumns.Severity)),
        EventType = row.GetString(EventColumns.EventType),
        Message = row.GetString(EventColumns.Message),
        Source = NullableString(row, EventColumns.Source),
        LeadId = NullableString(row, EventColumns.LeadId),
        SessionId = NullableString(row, EventColumns.SessionId),
        DeviceId = NullableString(row, EventColumns.DeviceId),
        AccountId = NullableString(row, EventColumns.AccountId),
        WorkflowId = NullableString(row, EventColumns.WorkflowId),
        Context = NullableString(row, EventColumns.Context) is { } json ? ParseContext(json) : null,
        Resolved = ReadBool(row, EventColumns.Resolved),
        ResolvedBy = NullableString(row, EventColumns.ResolvedBy) is { } by ? WireNames.ParseResolvedBy(by) : null,
        ResolvedAt = row.IsDBNull(EventColumns.ResolvedAt) ? null : ReadTime(row, EventColumns.ResolvedAt),
        ResolutionNote = NullableString(row, EventColumns.ResolutionNote),
        ResolvedByKey = NullableString(row, EventColumns.ResolvedByKey),
    };

    public async Task<List<StoredEvent>> ReadAllAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(Read(reader));
        }

        return events;
    }

    public ulong ReadTransactionIdOf(DbDataReader row, int ordinal) => ReadTransactionId(row, ordinal);

    protected abstract DateTimeOffset ReadTime(DbDataReader row, int ordinal);

    protected abstract ulong ReadTransactionId(DbDataReader row, int ordinal);

    protected abstract bool ReadBool(DbDataReader row, int ordinal);

    private static string? NullableString(DbDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);

    // Parses into arrays the element owns, without the pooled document and its copy.
    private static JsonElement ParseContext(string json) => JsonElement.Parse(json);
}
