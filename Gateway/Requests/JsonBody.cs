using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OrleansEvents.Gateway.Problems;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Reads a request body as one JSON document, within the size limit, with errors that say what is
/// wrong. Bodies are read by hand rather than bound, so a wrong type names its field instead of
/// failing the whole request with a generic binding error.
/// </summary>
public static class JsonBody
{
    /// <summary>
    /// Deeper than this the body is refused while parsing. Context has its own, lower limit (32); this one
    /// is far enough above it that any nesting a client plausibly sends is reported against context.
    /// </summary>
    public const int MaxDepth = 256;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Reads and parses the body; null when the body is empty.</summary>
    /// <exception cref="RequestRejectedException">The body is too large, not JSON, or of a media type other than JSON.</exception>
    public static async Task<JsonDocument?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        EnsureJsonMediaType(request);
        // The document parses in place, so the buffer lives as long as it: sized to a declared length
        // (the server holds the body to it), not to the read size, which was most of what a POST allocated.
        var declared = request.ContentLength is { } length && length <= limit ? (int)length : 0;
        var buffer = new ArrayBufferWriter<byte>(Math.Max(declared + 1, 256));
        while (true)
        {
            var memory = buffer.GetMemory(declared > 0 ? Math.Max(declared + 1 - buffer.WrittenCount, 1) : 16 * 1024);
            int read;
            try
            {
                read = await request.Body.ReadAsync(memory, cancellationToken);
            }
            catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                throw TooLarge(limit);
            }

            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(limit);
            }
        }

        if (buffer.WrittenCount == 0 || buffer.WrittenSpan.Trim(" \t\r\n"u8).IsEmpty)
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.WrittenMemory, ParseOptions);
        }
        catch (JsonException exception)
        {
            throw new RequestRejectedException(
                StatusCodes.Status400BadRequest,
                new FieldError("body", $"is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}): {Reason(exception)}"));
        }

        if (UndecodableText.MayHold(buffer.WrittenSpan) && UndecodableText.Find(document.RootElement) is { Count: > 0 } undecodable)
        {
            document.Dispose();
            throw new EventValidationException(undecodable);
        }

        return document;
    }

    /// <summary>
    /// JSON, or no declared type, or the form type curl sends with <c>-d</c> and no header: the
    /// compatibility examples post JSON that way, so it is read as JSON rather than refused.
    /// </summary>
    private static void EnsureJsonMediaType(HttpRequest request)
    {
        var contentType = request.ContentType;
        if (string.IsNullOrEmpty(contentType) || request.HasJsonContentType())
        {
            return;
        }

        if (MediaTypeHeaderValue.TryParse(contentType, out var media)
            && (media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
                || media.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        throw new RequestRejectedException(StatusCodes.Status415UnsupportedMediaType, new FieldError("Content-Type", contentType));
    }

    private static RequestRejectedException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, new FieldError("body", $"must be at most {limit} bytes"));

    private static string Reason(JsonException exception)
    {
        // The position is already in our own words (1-based); the reader's repeats it 0-based.
        var message = exception.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
        }

        return message;
    }
}
