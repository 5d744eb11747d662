namespace OrleansEvents.Validation;

/// <summary>
/// What one pass over a JSON value's raw UTF-8 text tells about it, without decoding any string.
/// <c>NumbersStorable</c>: every number has at most <see cref="EventLimits.MaxContextNumberLength"/>
/// characters and an exponent within ±<see cref="EventLimits.MaxContextNumberExponent"/>.
/// </summary>
internal readonly record struct RawShape(int Depth, bool HasUnicodeEscapes, bool IsAscii, bool IsCompactAscii, bool NumbersStorable)
{
    public static RawShape Of(ReadOnlySpan<byte> raw)
    {
        var depth = 0;
        var deepest = 0;
        var inString = false;
        var hasUnicodeEscapes = false;
        var ascii = true;
        var compactAscii = true;
        var numbersStorable = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var b = raw[i];
            // Outside printable ASCII (and for escapes) a writer may spell a character differently.
            ascii &= b < 0x80;
            compactAscii &= b is >= 0x20 and <= 0x7E and not (byte)'\\';
            if (inString)
            {
                if (b == '\\')
                {
                    i++; // the escaped character, which may be a quote
                    hasUnicodeEscapes |= i < raw.Length && raw[i] == 'u';
                }
                else if (b == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    deepest = Math.Max(deepest, ++depth);
                    break;
                case (byte)'}' or (byte)']':
                    depth--;
                    break;
                case (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r':
                    compactAscii = false;
                    break;
                case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                    var length = NumberLength(raw[i..]);
                    numbersStorable &= IsStorableNumber(raw.Slice(i, length));
                    i += length - 1;
                    break;
            }
        }

        return new RawShape(deepest, hasUnicodeEscapes, ascii, compactAscii, numbersStorable);
    }

    private static int NumberLength(ReadOnlySpan<byte> text)
    {
        var length = 1;
        while (length < text.Length && text[length] is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'+' or (byte)'-')
        {
            length++;
        }

        return length;
    }

    /// <summary>
    /// PostgreSQL keeps a jsonb number as numeric, which refuses 1e131072 or 1e-16384 outright and writes
    /// 1e100000 back as a hundred thousand digits; bounds well inside that keep both stores able to hold it.
    /// </summary>
    private static bool IsStorableNumber(ReadOnlySpan<byte> number)
    {
        if (number.Length > EventLimits.MaxContextNumberLength)
        {
            return false;
        }

        var e = number.IndexOfAny((byte)'e', (byte)'E');
        if (e < 0)
        {
            return true;
        }

        var exponent = number[(e + 1)..];
        if (!exponent.IsEmpty && exponent[0] is (byte)'+' or (byte)'-')
        {
            exponent = exponent[1..];
        }

        exponent = exponent.TrimStart((byte)'0');
        var value = 0;
        foreach (var digit in exponent)
        {
            value = (value * 10) + (digit - '0');
            if (value > EventLimits.MaxContextNumberExponent)
            {
                return false;
            }
        }

        return true;
    }
}
