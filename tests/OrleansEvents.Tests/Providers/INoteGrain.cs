using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>A grain that keeps one line of text in ADO.NET grain storage.</summary>
[Alias("OrleansEvents.Tests.Providers.INoteGrain")]
public interface INoteGrain : IGrainWithStringKey
{
    /// <summary>Stores the text.</summary>
    Task WriteAsync(string text);

    /// <summary>The text as this activation holds it, and whether storage has a record of it.</summary>
    Task<(string? Text, bool RecordExists)> ReadAsync();

    /// <summary>Clears the stored state.</summary>
    Task ClearAsync();
}
