using Orleans;
using Orleans.Runtime;

namespace OrleansEvents.Tests.Providers;

public sealed class NoteGrain(
    [PersistentState("note", PostgresOrleansCluster.GrainStorage)] IPersistentState<Note> note) : Grain, INoteGrain
{
    public Task WriteAsync(string text)
    {
        note.State.Text = text;
        return note.WriteStateAsync();
    }

    public Task<(string? Text, bool RecordExists)> ReadAsync() => Task.FromResult((note.State.Text, note.RecordExists));

    public Task ClearAsync() => note.ClearStateAsync();
}
