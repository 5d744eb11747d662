using Orleans;

namespace OrleansEvents.Tests.Providers;

/// <summary>The persistent state of a <see cref="NoteGrain"/>.</summary>
[GenerateSerializer]
[Alias("OrleansEvents.Tests.Providers.Note")]
public sealed class Note
{
    [Id(0)]
    public string? Text { get; set; }
}
