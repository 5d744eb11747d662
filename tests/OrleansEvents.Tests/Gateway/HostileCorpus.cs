using System.Globalization;
using System.Text;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// Generated hostile request bodies for POST /api/events: every event field with control characters,
/// trailing newlines, spaces, lone surrogates, overlong and invalid UTF-8, oversized text, huge,
/// negative and fractional numbers and wrong JSON types; then whole bodies that are broken, deep,
/// duplicated or too many. Each case says whether the rules require a 400 and which field it must name.
/// </summary>
public static class HostileCorpus
{
    /// <summary>
    /// What a case may be answered with: 400 naming <c>Field</c> (or <c>CanonicalField</c>, the name an
    /// alias stands for) always, 2xx only when <c>MayAccept</c>. <c>SentText</c> is a string value that,
    /// stored, must come back exactly as sent.
    /// </summary>
    public sealed record Case(string Name, byte[] Body, string Field, bool MayAccept, int Events, string? CanonicalField = null, string? SentText = null);

    private enum Kind { OneLine, Pattern, Stream, Message, Context }

    private static readonly (string Name, Kind Kind, string Base, int MaxLength)[] Fields =
    [
        ("event_id", Kind.OneLine, "corpus-id", 255),
        ("stream", Kind.Stream, "lead/corpus", 261),
        ("timestamp", Kind.Pattern, "2026-03-01T11:00:00Z", 0),
        ("category", Kind.Pattern, "corpus", 50),
        ("severity", Kind.Pattern, "error", 0),
        ("level", Kind.Pattern, "WARN", 0),
        ("event_type", Kind.Pattern, "corpus.type", 100),
        ("type", Kind.Pattern, "corpus.alias", 100),
        ("message", Kind.Message, "msg", 8192),
        ("source", Kind.OneLine, "src", 100),
        ("lead_id", Kind.OneLine, "l-1", 255),
        ("session_id", Kind.OneLine, "s-1", 255),
        ("device_id", Kind.OneLine, "d-1", 255),
        ("account_id", Kind.OneLine, "a-1", 255),
        ("workflow_id", Kind.OneLine, "w-1", 255),
        ("context", Kind.Context, "v", 65536),
        ("data", Kind.Context, "v", 65536),
    ];

    private static readonly int[] ControlCharacters = [.. Enumerable.Range(0, 0x20), 0x7F, 0x80, 0x85, 0x9F];

    /// <summary>Each case once as a single event and once in the middle of an otherwise valid batch, then the whole-body cases.</summary>
    public static IReadOnlyList<Case> All()
    {
        var cases = new List<Case>();
        foreach (var field in Fields)
        {
            foreach (var (name, json, accept, text) in Values(field.Kind, field.Base, field.MaxLength, field.Name))
            {
                var canonical = field.Name switch { "level" => "severity", "type" => "event_type", "data" => "context", _ => field.Name };
                var single = Event(field.Name, json);
                // Stored as sent: everything but severity and timestamp, which are normalized.
                var sentText = canonical == field.Name && field.Name is not ("severity" or "timestamp") ? text : null;
                cases.Add(new Case($"{field.Name} {name}", single, field.Name, accept, 1, canonical, sentText));
                cases.Add(new Case($"{field.Name} {name} in a batch", Batch(single), $"[1].{field.Name}", accept, 3, $"[1].{canonical}", sentText));
            }
        }

        cases.AddRange(WholeBodies());
        return cases;
    }

    private static IEnumerable<(string Name, byte[] Json, bool MayAccept, string? Text)> Values(Kind kind, string start, int maxLength, string field)
    {
        var strict = kind is Kind.Pattern;
        var oneLine = kind is Kind.OneLine or Kind.Pattern or Kind.Stream;
        var wrapped = kind is Kind.Context;

        (string, byte[], bool, string?) Text(string name, string value, bool mayAccept) =>
            (name, wrapped ? Utf8($"{{\"k\":{Quote(value)}}}") : Utf8(Quote(value)), mayAccept, wrapped ? null : value);

        foreach (var c in ControlCharacters)
        {
            var hex = c.ToString("x4", CultureInfo.InvariantCulture);
            yield return Text($"ends in U+{hex}", start + (char)c, mayAccept: !oneLine && c != 0);
        }

        yield return Text("ends in CR LF", start + "\r\n", !oneLine);
        yield return Text("with U+0000 inside", start[..1] + "\0" + start[1..], mayAccept: false);
        yield return Text("with a leading space", " " + start, !strict && field != "stream");
        yield return Text("with a trailing space", start + " ", !strict);
        yield return Text("of spaces only", "   ", field is not ("event_type" or "type" or "severity" or "level" or "timestamp"));
        yield return Text("empty", "", field is not ("event_type" or "type" or "severity" or "level" or "timestamp"));
        yield return Text("with U+FEFF", "\uFEFF" + start, !strict);
        yield return Text("with U+2028", start + "\u2028", !strict);
        yield return Text("with an emoji", start + "😀", !strict);
        foreach (var (name, escape) in new[] { ("lone high surrogate", "\\ud800"), ("lone low surrogate", "\\udc00"), ("reversed surrogates", "\\udc00\\ud800") })
        {
            var value = Utf8($"\"{start}{escape}\"");
            yield return (name, wrapped ? [.. Utf8("{\"k\":"), .. value, .. Utf8("}")] : value, false, null);
        }

        foreach (var (name, bytes) in new[]
                 {
                     ("overlong slash C0 AF", new byte[] { 0xC0, 0xAF }), ("overlong slash E0 80 AF", [0xE0, 0x80, 0xAF]),
                     ("overlong slash F0 80 80 AF", [0xF0, 0x80, 0x80, 0xAF]), ("UTF-8 of a surrogate ED A0 80", [0xED, 0xA0, 0x80]),
                     ("byte FF", [0xFF]), ("truncated C3", [0xC3]),
                 })
        {
            var value = (byte[])[.. Utf8("\"" + start), .. bytes, .. Utf8("\"")];
            yield return (name, wrapped ? [.. Utf8("{\"k\":"), .. value, .. Utf8("}")] : value, false, null);
        }

        var withinOneKilobyte = kind is Kind.Message or Kind.Context;
        yield return Text("of 256 more characters", start + new string('a', 256), withinOneKilobyte || (kind is Kind.OneLine && maxLength > 256 + start.Length));
        yield return Text("of 9 000 more characters", start + new string('a', 9_000), kind is Kind.Context);
        yield return Text("of 9 000 more 2-byte characters", start + new string('é', 4_100), kind is Kind.Context);

        var idLike = kind is Kind.OneLine && field.EndsWith("_id", StringComparison.Ordinal) && field != "event_id" || field == "event_id";
        foreach (var (name, number, whole) in new[]
                 {
                     ("number 123", "123", true), ("number -1", "-1", true), ("number 1.5", "1.5", false), ("number 1e400", "1e400", false),
                     ("number 2^63", "9223372036854775808", false), ("number -2^63-1", "-9223372036854775809", false),
                 })
        {
            yield return (name, Utf8(wrapped ? $"{{\"k\":{number}}}" : number), whole && idLike || wrapped && name != "number 1e400", null);
        }

        foreach (var (name, json) in new[] { ("true", "true"), ("an array", "[]"), ("an array of text", "[\"a\"]"), ("an object", "{}"), ("an object of text", "{\"a\":\"b\"}") })
        {
            yield return (name, Utf8(json), kind is Kind.Context && json.StartsWith('{'), null);
        }

        yield return ("null", Utf8("null"), field is not ("event_type" or "type"), null);
    }

    /// <summary>Bodies broken as a whole; the field they must name is the body's, or the one at fault.</summary>
    private static IEnumerable<Case> WholeBodies()
    {
        Case Body(string name, string json, string field, bool mayAccept = false, int events = 0) => new(name, Utf8(json), field, mayAccept, events);

        yield return Body("empty body", "", "body");
        yield return Body("only spaces", "   \n", "body");
        yield return Body("null", "null", "body");
        yield return Body("a number", "123", "body");
        yield return Body("a huge number", "1e99999", "body");
        yield return Body("a string", "\"event\"", "body");
        yield return Body("true", "true", "body");
        yield return Body("an empty array", "[]", "events");
        yield return Body("an array of numbers", "[1,2]", "[0]");
        yield return Body("an array with a string", $"[{ValidEvent("w-1")},\"x\"]", "[1]");
        yield return Body("an array of arrays", "[[]]", "[0]");
        yield return Body("an unclosed object", "{\"event_type\":\"a.b\"", "body");
        yield return Body("a trailing comma", "{\"event_type\":\"a.b\",}", "body");
        yield return Body("single quotes", "{'event_type':'a.b'}", "body");
        yield return Body("NaN", "{\"event_type\":\"a.b\",\"context\":{\"n\":NaN}}", "body");
        // A control character written raw inside a string is not JSON: the body as a whole is at fault.
        yield return Body("a raw newline in a string", "{\"event_type\":\"corpus.raw\n\"}", "body");
        yield return Body("a raw tab in a string in a batch", $"[{ValidEvent("w-12")},{{\"event_type\":\"corpus.raw\",\"lead_id\":\"a\tb\"}}]", "body");
        yield return Body("two documents", "{\"event_type\":\"a.b\"}{\"event_type\":\"a.b\"}", "body");
        yield return Body("a comment", "{\"event_type\":\"a.b\" /* hi */}", "body");
        yield return new Case("a name of undecodable UTF-8", [.. Utf8("{\"event_type\":\"corpus.name\",\"na"), 0xC0, 0xAF, .. Utf8("me\":1}")], "body", false, 0);
        yield return Body("a name with a lone surrogate", "{\"event_type\":\"corpus.name\",\"\\ud800\":1}", "body");
        yield return Body("a batch item name with a lone surrogate", $"[{ValidEvent("w-2")},{{\"event_type\":\"corpus.name\",\"\\udfff\":1}}]", "[1]");
        yield return Body("a body nested 300 deep", "{\"event_type\":\"a.b\",\"context\":" + Nested(300) + "}", "body");
        yield return Body("a context nested 33 deep", "{\"event_type\":\"corpus.deep\",\"context\":" + Nested(33) + "}", "context");
        yield return Body("a context nested 32 deep", "{\"event_type\":\"corpus.deep\",\"context\":" + Nested(32) + "}", "context", mayAccept: true, events: 1);
        yield return Body("a context number 1e309", "{\"event_type\":\"corpus.number\",\"context\":{\"n\":1e309}}", "context");
        yield return Body("a context number -1E-999", "{\"event_type\":\"corpus.number\",\"context\":{\"n\":-1E-999}}", "context");
        yield return Body("a context number of 131 073 digits", "{\"event_type\":\"corpus.number\",\"context\":{\"n\":1" + new string('0', 131_072) + "}}", "context");
        yield return Body("a context number 1e308", "{\"event_type\":\"corpus.number\",\"context\":{\"n\":1e308}}", "context", mayAccept: true, events: 1);
        yield return Body("a context number 1e-16384 in an array", "{\"event_type\":\"corpus.number\",\"context\":{\"n\":[1,1e-16384]}}", "context");
        yield return Body("event_type twice", "{\"event_type\":\"corpus.first\",\"event_type\":\"corpus.second\"}", "event_type", mayAccept: true, events: 1);
        yield return Body("severity twice, the last bad", "{\"event_type\":\"corpus.twice\",\"severity\":\"error\",\"severity\":\"loud\"}", "severity");
        yield return Body("severity twice, the last with a newline", "{\"event_type\":\"corpus.twice\",\"severity\":\"error\",\"severity\":\"error\\n\"}", "severity");
        yield return Body("duplicate keys inside context", "{\"event_type\":\"corpus.dup\",\"context\":{\"a\":1,\"a\":2}}", "context", mayAccept: true, events: 1);
        yield return Body("type and event_type", "{\"type\":\"corpus.a\",\"event_type\":\"corpus.b\"}", "type");
        yield return Body("level and severity", "{\"event_type\":\"corpus.a\",\"level\":\"error\",\"severity\":\"error\"}", "level");
        yield return Body("payload and context", "{\"event_type\":\"corpus.a\",\"payload\":{},\"context\":{}}", "payload");
        yield return Body("expected_version on /api/events", "{\"event_type\":\"corpus.a\",\"expected_version\":0}", "expected_version");
        yield return Body("expected_version in a batch on /api/events", $"[{ValidEvent("w-3")},{{\"event_type\":\"corpus.a\",\"expected_version\":1}}]", "[1].expected_version");
        yield return Body("one event id twice in a batch", $"[{ValidEvent("w-4", "twice")},{ValidEvent("w-4", "twice")}]", "[1].event_id", mayAccept: true, events: 2);
        yield return Body("one event id on two streams in a batch", $"[{ValidEvent("w-5", "two-streams")},{ValidEvent("w-6", "two-streams")}]", "[1].event_id", mayAccept: true, events: 2);
        yield return new Case("a body starting with a UTF-8 BOM", [0xEF, 0xBB, 0xBF, .. Utf8(ValidEvent("w-7"))], "body", true, 1);
        yield return Body("1 001 events", "[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => ValidEvent("w-8"))) + "]", "events");
        yield return Body("1 001 events, one bad", "[" + string.Join(',', Enumerable.Range(0, 1001).Select(i => i == 500 ? "{\"event_type\":\"x\\n\"}" : ValidEvent("w-9"))) + "]", "events");
        yield return Body("1 000 events, the last bad", "[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => i == 999 ? "{\"event_type\":\"corpus.x\",\"lead_id\":\"l\\u0000\"}" : ValidEvent("w-10"))) + "]", "[999].lead_id");
        yield return Body("1 000 events", "[" + string.Join(',', Enumerable.Range(0, 1000).Select(i => ValidEvent("w-11"))) + "]", "events", mayAccept: true, events: 1000);
    }

    private static string Nested(int depth) => new StringBuilder().Insert(0, "{\"a\":", depth - 1).Append("{}").Append('}', depth - 1).ToString();

    private static byte[] Event(string field, byte[] value)
    {
        var prefix = new StringBuilder("{");
        if (field is not ("event_type" or "type"))
        {
            prefix.Append("\"event_type\":\"corpus.case\",");
        }

        if (field != "event_id")
        {
            prefix.Append("\"event_id\":\"").Append(Guid.NewGuid()).Append("\",");
        }

        prefix.Append('"').Append(field).Append("\":");
        return [.. Utf8(prefix.ToString()), .. value, .. Utf8("}")];
    }

    private static byte[] Batch(byte[] middle) => [.. Utf8("[" + ValidEvent("batch") + ","), .. middle, .. Utf8("," + ValidEvent("batch") + "]")];

    private static string ValidEvent(string workflow, string? eventId = null) =>
        $"{{\"event_type\":\"corpus.valid\",\"event_id\":\"{eventId ?? Guid.NewGuid().ToString()}\",\"workflow_id\":\"{workflow}\",\"message\":\"fine\"}}";

    private static string Quote(string value)
    {
        var json = new StringBuilder("\"");
        foreach (var c in value)
        {
            json.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or '\u007f' or (>= '\u0080' and <= '\u009f') => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return json.Append('"').ToString();
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
