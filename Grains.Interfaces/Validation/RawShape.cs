namespace OrleansEvents.Validation;

/// <summary>What one pass over a JSON value's raw UTF-8 text tells about it, without decoding any string.</summary>
internal readonly record struct RawShape(int Depth, bool HasUnicodeEscapes, bool IsAscii, bool IsCompactAscii)
{
    public static RawShape Of(ReadOnlySpan<byte> raw)
    {
        var depth = 0;
        var deepest = 0;
        var inString = false;
        var hasUnicodeEscapes = false;
        var ascii = true;
        var compactAscii = true;
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
            }
        }

        return new RawShape(deepest, hasUnicodeEscapes, ascii, compactAscii);
    }
}
