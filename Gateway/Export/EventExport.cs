using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Json;
using OrleansEvents.Queries;

namespace OrleansEvents.Gateway.Export;

/// <summary>
/// Streams every event that matches a filter, one keyset page (1 000 rows) at a time, flushing each
/// page before reading the next: memory stays one page whatever the size of the export, and rows
/// written while it runs cannot shift the pages.
/// </summary>
public sealed class EventExport(IEventQueryGrain queries, string tenantId, EventFilter filter, string format, long? maxRows) : IResult
{
    public const string Ndjson = "ndjson";
    public const string Csv = "csv";
    public const string NdjsonMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.ContentType = (format == Csv ? CsvMediaType : NdjsonMediaType) + "; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"events.{format}\"";
        if (format == Csv)
        {
            await response.WriteAsync(EventCsv.Header + "\n", cancellationToken);
        }

        var page = filter with { Limit = EventFilter.MaxLimit, Offset = 0, IncludeTotal = false };
        var written = 0L;
        var buffer = new MemoryStream();
        while (true)
        {
            if (maxRows is { } cap)
            {
                page = page with { Limit = (int)Math.Min(EventFilter.MaxLimit, cap - written) };
            }

            var result = await queries.QueryAsync(tenantId, page, cancellationToken);
            buffer.SetLength(0);
            foreach (var stored in result.Events)
            {
                WriteRow(buffer, stored);
            }

            await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            written += result.Events.Count;
            if (result.NextCursor is not { } next || (maxRows is { } limit && written >= limit))
            {
                return;
            }

            page = page.Order == SortOrder.Descending ? page with { BeforeId = next } : page with { AfterId = next };
        }
    }

    private void WriteRow(MemoryStream buffer, StoredEvent stored)
    {
        if (format == Csv)
        {
            var line = Encoding.UTF8.GetBytes(EventCsv.Row(stored) + "\n");
            buffer.Write(line);
            return;
        }

        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, stored, GatewayJson.Default);
        }

        buffer.WriteByte((byte)'\n');
    }
}
