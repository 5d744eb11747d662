using System.Text;
using System.Text.RegularExpressions;

namespace OrleansEvents.Validation;

/// <summary>
/// Rules shared by every text field. Patterns end in \z, not $: in .NET, $ also matches before a
/// final newline, so "a.b\n" would pass as an event type and fail later as a stream key.
/// </summary>
internal static partial class TextRules
{
    [GeneratedRegex("^[a-z0-9_]+(\\.[a-z0-9_]+)*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex EventType();

    /// <summary>What an event type can start with: a prefix with any other character could match nothing.</summary>
    [GeneratedRegex("^[a-z0-9_.]*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex EventTypePrefix();

    [GeneratedRegex("^[a-z0-9_]+\\z", RegexOptions.CultureInvariant)]
    public static partial Regex Category();

    [GeneratedRegex("^[A-Za-z0-9_.:-]+\\z", RegexOptions.CultureInvariant)]
    public static partial Regex TenantId();

    /// <summary>
    /// Text both stores keep exactly: PostgreSQL rejects U+0000 in text and jsonb, and a lone
    /// surrogate has no UTF-8 form, so either would be refused or altered on the way in.
    /// </summary>
    public static bool IsStorable(string text)
    {
        if (text.Contains('\0'))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether one-line text (ids, source, stream keys) holds a control character: C0, DEL or C1,
    /// tab and newline included. Such a value cannot be typed back into a filter or a URL as sent.
    /// </summary>
    public static bool HasControlCharacter(string text) => text.AsSpan().IndexOfAnyInRange('\u0000', '\u001f') >= 0
        || text.AsSpan().IndexOfAnyInRange('\u007f', '\u009f') >= 0;

    public static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// Null for absent or blank input (empty, or spaces only), which callers often send for "none".
    /// A control character is never blank: "\n" alone is refused like any other, not taken as absent.
    /// </summary>
    public static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) && !HasControlCharacter(text ?? "") ? null : text;
}
