using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Client.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Client.Sending;

/// <summary>
/// <c>POST /api/events</c> with a JSON array, cut into several requests where one would outgrow
/// <see cref="OrleansEventsOptions.MaxBatchBytes"/>. A 400, 413 or 422 is the store refusing what was
/// sent; anything else that is not a success (a 5xx, a 429, no answer) is worth sending again.
/// </summary>
internal sealed class HttpEventTransport(IHttpClientFactory clients, IOptions<OrleansEventsOptions> options) : IEventTransport
{
    public const string HttpClientName = "OrleansEvents";
    private const string AppendPath = "api/events";
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task SendAsync(IReadOnlyList<NewEvent> events, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(HttpClientName);
        foreach (var body in Bodies(events, options.Value.MaxBatchBytes))
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await client.PostAsync(AppendPath, content, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                continue;
            }

            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            throw response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity
                ? new EventsRejectedException($"The gateway refused the events ({(int)response.StatusCode}): {answer}")
                : new HttpRequestException($"POST /{AppendPath} answered {(int)response.StatusCode}: {answer}", null, response.StatusCode);
        }
    }

    /// <summary>The events as JSON arrays of at most <paramref name="maxBytes"/> each (an event larger than that alone goes alone).</summary>
    private static IEnumerable<byte[]> Bodies(IReadOnlyList<NewEvent> events, int maxBytes)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(maxBytes, 64 * 1024));
        var count = 0;
        foreach (var newEvent in events)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(newEvent, ClientJson.Options);
            if (count > 0 && buffer.WrittenCount + json.Length + 2 > maxBytes)
            {
                yield return Close(buffer);
                buffer.Clear();
                count = 0;
            }

            buffer.Write(count == 0 ? "["u8 : ","u8);
            buffer.Write(json);
            count++;
        }

        if (count > 0)
        {
            yield return Close(buffer);
        }
    }

    private static byte[] Close(ArrayBufferWriter<byte> buffer)
    {
        buffer.Write("]"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
