using System.Globalization;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// A point in time as people type it into <c>since</c> and <c>until</c>: an RFC 3339 timestamp, <c>now</c>,
/// or a duration back from now: a whole number and a unit, <c>s</c>, <c>m</c>, <c>h</c> or <c>d</c>
/// (<c>15m</c>, <c>24h</c>, <c>7d</c>). Lowercase only, so <c>15M</c> is never mistaken for months.
/// </summary>
public static class TimeExpression
{
    public const string Rule = "must be an RFC 3339 timestamp with offset (2026-02-01T00:00:00Z), now, or a duration back from now: a whole number and s, m, h or d (15m, 24h, 7d), at most 36500d";

    /// <summary>The longest duration back accepted: a hundred years, far from <see cref="DateTimeOffset.MinValue"/>.</summary>
    public static readonly TimeSpan MaxAgo = TimeSpan.FromDays(36_500);

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == "now")
        {
            value = now;
            return true;
        }

        if (TryParseAgo(text, out var ago))
        {
            value = now - ago;
            return true;
        }

        return Rfc3339.TryParse(text, out value);
    }

    private static bool TryParseAgo(string text, out TimeSpan ago)
    {
        ago = default;
        var unit = text[^1] switch
        {
            's' => TimeSpan.TicksPerSecond,
            'm' => TimeSpan.TicksPerMinute,
            'h' => TimeSpan.TicksPerHour,
            'd' => TimeSpan.TicksPerDay,
            _ => 0L,
        };
        var digits = text.AsSpan(0, text.Length - 1);
        // Digits only: no sign, no spaces, no other script's digits; long.TryParse alone would take " 15" and "+15".
        if (unit == 0 || digits.IsEmpty || digits.Length > 12 || digits.ContainsAnyExceptInRange('0', '9')
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return false;
        }

        // At most 12 digits times at most a day's ticks stays far inside a long; the cap keeps now - ago valid.
        if (count > MaxAgo.Ticks / unit)
        {
            return false;
        }

        ago = TimeSpan.FromTicks(count * unit);
        return true;
    }
}
