using Orleans;
using Orleans.Runtime;

namespace OrleansEvents.Tests.Providers;

public sealed class StateProbeGrain(
    [PersistentState("probe", SqliteSilo.StorageName)] IPersistentState<ProbeState> state) : Grain, IStateProbeGrain
{
    // Tells one activation from the next, so a test knows the state came from storage, not from memory.
    private readonly Guid _activation = Guid.NewGuid();

    public Task<StateProbeView> ReadAsync() =>
        Task.FromResult(new StateProbeView(state.State.Value, state.State.Writes, state.RecordExists, _activation));

    public Task WriteAsync(string value)
    {
        state.State.Value = value;
        state.State.Writes++;
        return state.WriteStateAsync();
    }

    public Task ClearAsync() => state.ClearStateAsync();
}
