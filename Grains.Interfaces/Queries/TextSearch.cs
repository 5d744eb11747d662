using System.Text.Json;

namespace OrleansEvents.Queries;

/// <summary>
/// What <c>q</c> finds, the one rule behind both stores and live subscribers: the text inside the
/// message, the event type or one string value of the context (at any depth, keys excluded), as a
/// plain substring in which <c>%</c>, <c>_</c> and <c>\</c> are themselves. A–Z and a–z count as the
/// same; every other character only matches itself. ASCII alone is folded because that is the only
/// case rule PostgreSQL applies the same under every database locale (<c>lower()</c> under "C").
/// </summary>
public static class TextSearch
{
    /// <summary>
    /// Joins an event's searched texts in the stores' search columns. A q that holds it could match
    /// across two texts there, so the stores check such a q text by text.
    /// </summary>
    public const char Separator = '\u001f';

    public static bool Matches(string q, string message, string eventType, JsonElement? context) =>
        Contains(message, q) || Contains(eventType, q) || (context is { } value && ContextContains(value, q));

    /// <summary>Whether <paramref name="text"/> holds <paramref name="q"/>, A–Z folded to a–z.</summary>
    public static bool Contains(string text, string q)
    {
        for (var start = 0; start <= text.Length - q.Length; start++)
        {
            var i = 0;
            while (i < q.Length && Fold(text[start + i]) == Fold(q[i]))
            {
                i++;
            }

            if (i == q.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text with A–Z as a–z, as the stores keep it in their search columns.</summary>
    public static string Fold(string text) => string.Create(text.Length, text, static (folded, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            folded[i] = Fold(source[i]);
        }
    });

    private static char Fold(char c) => c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;

    /// <summary>Whether one string inside the context, at any depth, holds <paramref name="q"/>.</summary>
    public static bool ContextContains(JsonElement value, string q) => value.ValueKind switch
    {
        JsonValueKind.String => Contains(value.GetString()!, q),
        JsonValueKind.Object => value.EnumerateObject().Any(member => ContextContains(member.Value, q)),
        JsonValueKind.Array => value.EnumerateArray().Any(item => ContextContains(item, q)),
        _ => false,
    };
}
