using System.Globalization;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// A whole number as typed in a query or route: ASCII digits with an optional leading minus, nothing
/// else. long.TryParse alone also takes surrounding spaces and, always, trailing U+0000 ("10\0" is 10).
/// </summary>
public static class WholeNumber
{
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        var digits = text.AsSpan();
        if (digits.StartsWith("-"))
        {
            digits = digits[1..];
        }

        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9')
            && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
