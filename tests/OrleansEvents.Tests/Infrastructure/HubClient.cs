using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// The hub <c>/hubs/events</c> through the official SignalR .NET client, signed in with a key. Every
/// message is kept as the JSON it carried, in arrival order; the periodic <c>stats</c> apart, so tests of
/// the event flow see only events.
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly string[] Messages = ["event", "eventResolved", "eventUpdated", "eventDeleted", "replayed", "resync"];
    private static readonly TimeSpan InvokeTimeout = TimeSpan.FromSeconds(30);

    private readonly HubConnection _connection;
    private readonly Channel<(string Target, JsonElement Argument)> _messages = Channel.CreateUnbounded<(string, JsonElement)>();
    private readonly Channel<JsonElement> _stats = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _problemsChanged = Channel.CreateUnbounded<JsonElement>();

    private HubClient(HubConnection connection)
    {
        _connection = connection;
        foreach (var message in Messages)
        {
            connection.On<JsonElement>(message, argument => _messages.Writer.TryWrite((message, argument)));
        }

        connection.On<JsonElement>("stats", stats => _stats.Writer.TryWrite(stats));
        connection.On<JsonElement>("problemsChanged", change => _problemsChanged.Writer.TryWrite(change));
    }

    public static async Task<HubClient> ConnectAsync(Uri baseAddress, string apiKey)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/events"), http => http.AccessTokenProvider = () => Task.FromResult<string?>(apiKey))
            .Build();
        var client = new HubClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Invokes a hub method and returns its result as JSON; a refusal is the hub's <see cref="Microsoft.AspNetCore.SignalR.HubException"/>.</summary>
    public Task<JsonElement> InvokeAsync(string target, params object?[] arguments) =>
        _connection.InvokeCoreAsync<JsonElement>(target, arguments).WaitAsync(InvokeTimeout);

    /// <summary>The next message other than <c>stats</c>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<(string Target, JsonElement Argument)> NextAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            return await _messages.Reader.ReadAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"No message from the hub within {timeout}.");
        }
    }

    /// <summary>The next <c>stats</c> message.</summary>
    public async Task<JsonElement> NextStatsAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return await _stats.Reader.ReadAsync(deadline.Token);
    }

    /// <summary>Whether a message arrives within <paramref name="wait"/>; for asserting that nothing more comes.</summary>
    public async Task<bool> AnyWithinAsync(TimeSpan wait)
    {
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            return await _messages.Reader.WaitToReadAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The <c>problemsChanged</c> messages that arrive within <paramref name="wait"/>, in arrival order.</summary>
    public async Task<List<JsonElement>> ProblemsChangedWithinAsync(TimeSpan wait)
    {
        var changes = new List<JsonElement>();
        using var deadline = new CancellationTokenSource(wait);
        try
        {
            while (true)
            {
                changes.Add(await _problemsChanged.Reader.ReadAsync(deadline.Token));
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return changes;
        }
    }

    /// <summary>The next <c>problemsChanged</c>, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<JsonElement> NextProblemsChangedAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        return await _problemsChanged.Reader.ReadAsync(deadline.Token);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
