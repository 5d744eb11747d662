using System.Net.Http.Headers;
using System.Text;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Request bodies written as raw text, so tests send exactly the bytes they mean (malformed JSON included).</summary>
public static class JsonContent
{
    public static StringContent Of(string json, string mediaType = "application/json") =>
        new(json, Encoding.UTF8, new MediaTypeHeaderValue(mediaType));
}
