using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Placement;

namespace OrleansEvents.Runtime.References;

/// <summary>Turns a method call on a grain reference into a tracked call sent to the silo that hosts the grain.</summary>
internal sealed class GrainCallDispatcher(IGrainPlacement placement, IGrainCallTransport transport, CallTracker tracker)
{
    public Task<TResult> Call<TResult>(GrainId target, GrainMethod<TResult> method, object?[] arguments)
    {
        var call = new GrainCall<TResult>(target, method, arguments, tracker);
        tracker.Track(call);
        try
        {
            transport.Send(placement.PlaceGrain(target), call);
        }
        catch (Exception error)
        {
            call.Fail(error);
        }

        return call.Task;
    }
}
