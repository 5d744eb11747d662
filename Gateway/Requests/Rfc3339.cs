using System.Globalization;
using System.Text.RegularExpressions;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// RFC 3339 timestamps only (<c>2026-02-01T00:00:00Z</c>, <c>2026-02-01T01:00:00.5+01:00</c>): a date
/// alone, a time without offset or a local-culture format is refused rather than guessed at. ASCII
/// digits only, and nothing after the offset (not even a newline, which $ would let through).
/// </summary>
public static partial class Rfc3339
{
    public const string Rule = "must be an RFC 3339 timestamp with offset, e.g. 2026-02-01T00:00:00Z";

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // .NET keeps seven fraction digits; RFC 3339 allows any number, so cut the rest.
        var fraction = match.Groups["fraction"].Value;
        var normalized = match.Groups["date"].Value + "T" + match.Groups["time"].Value
            + (fraction.Length > 0 ? "." + fraction[..Math.Min(7, fraction.Length)] : "")
            + (match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^(?<date>[0-9]{4}-[0-9]{2}-[0-9]{2})[Tt ](?<time>[0-9]{2}:[0-9]{2}:[0-9]{2})(\.(?<fraction>[0-9]{1,9}))?(?<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
