using System.Diagnostics.CodeAnalysis;

namespace OrleansEvents.Events;

/// <summary>A stream's identity, written <c>kind/key</c> (for example <c>lead/123</c> or <c>system/scheduler</c>).</summary>
[GenerateSerializer]
[Alias("oe.StreamId")]
[Immutable]
public readonly record struct StreamId
{
    public const int MaxKeyLength = 255;

    public StreamId(StreamKind kind, string key)
    {
        if (!IsValidKey(key))
        {
            throw new ArgumentException($"A stream key must be 1–{MaxKeyLength} characters without control characters.", nameof(key));
        }

        Kind = kind;
        Key = key;
    }

    [Id(0)]
    public StreamKind Kind { get; }

    [Id(1)]
    public string Key { get; }

    public static StreamId Session(string key) => new(StreamKind.Session, key);

    public static StreamId Lead(string key) => new(StreamKind.Lead, key);

    public static StreamId Device(string key) => new(StreamKind.Device, key);

    public static StreamId Workflow(string key) => new(StreamKind.Workflow, key);

    public static StreamId System(string key) => new(StreamKind.System, key);

    public static StreamId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a stream id of the form kind/key.");

    /// <summary>Splits at the first '/', so keys may themselves contain '/'.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StreamId id)
    {
        id = default;
        var slash = text?.IndexOf('/') ?? -1;
        if (slash <= 0 || !WireNames.TryParseStreamKind(text![..slash], out var kind))
        {
            return false;
        }

        var key = text[(slash + 1)..];
        if (!IsValidKey(key))
        {
            return false;
        }

        id = new StreamId(kind, key);
        return true;
    }

    public static bool IsValidKey(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= MaxKeyLength && !key.Any(char.IsControl);

    public override string ToString() => $"{WireNames.Of(Kind)}/{Key}";
}
