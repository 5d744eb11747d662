using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// The JSON hub protocol, except that calls to <see cref="EventsHub.SubscribeAsync"/> may leave out
/// trailing arguments (the cursor, or the filter too), which then arrive as null. SignalR itself
/// binds by exact count, so <c>invoke("SubscribeAsync", filter)</c> would otherwise fail; the issue's
/// contract is <c>SubscribeAsync(filter, after_cursor?)</c>.
/// </summary>
public sealed class OptionalArgumentsHubProtocol(IOptions<JsonHubProtocolOptions> options) : IHubProtocol
{
    private static readonly string[] Optional = [nameof(EventsHub.SubscribeAsync), nameof(EventsHub.Subscribe)];
    private readonly JsonHubProtocol _json = new(options);

    public string Name => _json.Name;

    public int Version => _json.Version;

    public TransferFormat TransferFormat => _json.TransferFormat;

    public bool IsVersionSupported(int version) => _json.IsVersionSupported(version);

    public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _json.GetMessageBytes(message);

    public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _json.WriteMessage(message, output);

    public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [NotNullWhen(true)] out HubMessage? message)
    {
        var original = input;
        if (!_json.TryParseMessage(ref input, binder, out message))
        {
            return false;
        }

        if (message is not InvocationBindingFailureMessage failure
            || Optional.FirstOrDefault(name => string.Equals(name, failure.Target, StringComparison.OrdinalIgnoreCase)) is not { } target)
        {
            return true;
        }

        // Read the call again, expecting one parameter fewer each time, and fill the rest with null.
        var expected = binder.GetParameterTypes(target).Count;
        for (var count = expected - 1; count >= 0; count--)
        {
            var retry = original;
            if (_json.TryParseMessage(ref retry, new TrailingArgumentsBinder(binder, target, count), out var shorter)
                && shorter is InvocationMessage invocation)
            {
                var arguments = new object?[expected];
                Array.Copy(invocation.Arguments, arguments, invocation.Arguments.Length);
                message = new InvocationMessage(invocation.InvocationId, invocation.Target, arguments!, invocation.StreamIds);
                input = retry;
                return true;
            }
        }

        return true;
    }
}
