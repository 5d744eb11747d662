using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using OrleansStreamId = Orleans.Runtime.StreamId;

namespace OrleansEvents.LogQueue;

/// <summary>
/// What one <c>OnNextAsync</c>/<c>OnNextBatchAsync</c> put on the queue: the items, in order, and the
/// request context they were sent with. The reader stamps its sequence token when it takes the batch.
/// </summary>
[GenerateSerializer]
[Alias("oe.LogQueueBatch")]
[Immutable]
public sealed class LogQueueBatch(OrleansStreamId streamId, IReadOnlyList<object> items, Dictionary<string, object>? requestContext, EventSequenceTokenV2? token = null)
    : IBatchContainer
{
    [Id(0)]
    public OrleansStreamId StreamId { get; } = streamId;

    [Id(1)]
    public IReadOnlyList<object> Items { get; } = items;

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; } = requestContext;

    [Id(3)]
    public EventSequenceTokenV2? Token { get; } = token;

    public StreamSequenceToken SequenceToken => Token ?? throw new InvalidOperationException("The batch has not been read from its queue yet.");

    public LogQueueBatch WithToken(EventSequenceTokenV2 token) => new(StreamId, Items, RequestContext, token);

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        var token = (EventSequenceTokenV2)SequenceToken;
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i] is T item)
            {
                yield return Tuple.Create(item, (StreamSequenceToken)token.CreateSequenceTokenForEvent(i));
            }
        }
    }

    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        Orleans.Runtime.RequestContextExtensions.Import(RequestContext);
        return true;
    }
}
