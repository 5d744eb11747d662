namespace OrleansEvents.Emit;

/// <summary>How the helpers cut a long error text (workflow errors and reasons, a logged exception's message): its first 200 characters and a marker.</summary>
public static class ErrorText
{
    public const int MaxLength = 200;

    public const string TruncationMarker = "… [truncated]";

    public static string Cut(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + TruncationMarker;
}
