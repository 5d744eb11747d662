using System.Globalization;
using System.Text.RegularExpressions;
using OrleansEvents.Validation;

namespace OrleansEvents.Queries;

/// <summary>
/// JSON number literals compared by value, as PostgreSQL's numeric compares the numbers it keeps in
/// jsonb: 3, 3.0, 30e-1 and 0.3e1 are one number, and so are 0 and -0.
/// </summary>
public static partial class JsonNumberText
{
    /// <summary>
    /// A canonical spelling (digits without leading or trailing zeros, then the exponent) of a JSON
    /// number that a context can hold; false for any other text.
    /// </summary>
    public static bool TryCanonical(string text, out string canonical)
    {
        canonical = "";
        var match = text.Length <= EventLimits.MaxContextNumberLength ? Literal().Match(text) : Match.Empty;
        if (!match.Success)
        {
            return false;
        }

        var exponent = 0;
        if (match.Groups["exponent"].Success)
        {
            var digits = match.Groups["exponent"].Value.TrimStart('0');
            if (digits.Length > 3 || (exponent = int.Parse(digits.Length == 0 ? "0" : digits, CultureInfo.InvariantCulture)) > EventLimits.MaxContextNumberExponent)
            {
                return false;
            }

            exponent = match.Groups["sign"].Value == "-" ? -exponent : exponent;
        }

        var fraction = match.Groups["fraction"].Value;
        var significant = (match.Groups["whole"].Value + fraction).TrimStart('0');
        exponent -= fraction.Length;
        var trimmed = significant.TrimEnd('0');
        exponent += significant.Length - trimmed.Length;
        canonical = trimmed.Length == 0 ? "0" : $"{(text[0] == '-' ? "-" : "")}{trimmed}e{exponent}";
        return true;
    }

    [GeneratedRegex(@"\A-?(?<whole>0|[1-9][0-9]*)(\.(?<fraction>[0-9]+))?([eE](?<sign>[+-]?)(?<exponent>[0-9]+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Literal();
}
