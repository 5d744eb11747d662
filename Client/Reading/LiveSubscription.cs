using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Client.Sending;
using OrleansEvents.Events;
using OrleansEvents.Serialization;

namespace OrleansEvents.Client.Reading;

/// <summary>
/// One live subscription on the hub <c>/hubs/events</c>, through the official SignalR client. It
/// remembers the position of the last event it received and, after every reconnect (the client's own,
/// or a new start after the connection closed), subscribes again after it: the hub sends the missed
/// events from the log, then live ones. A repeat at or before that position is skipped.
/// </summary>
internal sealed class LiveSubscription : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly string[] IgnoredMessages = ["eventResolved", "eventUpdated", "eventDeleted", "replayed", "stats"];

    private readonly HubConnection _connection;
    private readonly Dictionary<string, string> _filter;
    private readonly Channel<StoredEvent> _events = Channel.CreateUnbounded<StoredEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _longestRetry;
    private readonly Lock _gate = new();
    private LogPosition? _last;
    private int _connecting;

    public LiveSubscription(Uri endpoint, string apiKey, Dictionary<string, string> filter, LogPosition? fromCursor, TimeSpan longestRetry)
    {
        _filter = filter;
        _last = fromCursor;
        _longestRetry = longestRetry;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(endpoint, "hubs/events"), http => http.Headers["X-API-Key"] = apiKey)
            .WithAutomaticReconnect(new EndlessRetryPolicy(FirstRetry, longestRetry))
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
            .Build();
        _connection.On<StoredEvent>("event", Received);
        _connection.On<ResyncNotice>("resync", Resync);
        foreach (var ignored in IgnoredMessages)
        {
            _connection.On<JsonElement>(ignored, _ => { });
        }

        _connection.Reconnected += _ => ResubscribeAsync();
        _connection.Closed += _ => StartAgain();
    }

    public async IAsyncEnumerable<StoredEvent> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var stopped = cancellationToken.Register(_stop.Cancel);
        await ConnectAsync(_stop.Token);
        await foreach (var stored in _events.Reader.ReadAllAsync(_stop.Token))
        {
            yield return stored;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    /// <summary>Starts the connection and subscribes, again and again until it works; a filter the hub refuses is thrown.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _connecting, 1) == 1)
        {
            return;
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (_connection.State == HubConnectionState.Disconnected)
                    {
                        await _connection.StartAsync(cancellationToken);
                    }

                    await SubscribeAsync(cancellationToken);
                    return;
                }
                catch (Exception exception) when (exception is not HubException && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(RetryDelays.For(attempt, FirstRetry, _longestRetry), cancellationToken);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _connecting, 0);
        }
    }

    private async Task SubscribeAsync(CancellationToken cancellationToken)
    {
        string? after;
        lock (_gate)
        {
            after = _last?.ToString();
        }

        var answer = await _connection.InvokeAsync<SubscribeAnswer>("SubscribeAsync", _filter, after, cancellationToken);
        lock (_gate)
        {
            _last ??= LogPosition.Parse(answer.AfterCursor);
        }
    }

    private async Task ResubscribeAsync()
    {
        try
        {
            await SubscribeAsync(_stop.Token);
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // Connected but not subscribed: close, and Closed starts over.
            _ = Task.Run(() => _connection.StopAsync());
        }
    }

    private Task StartAgain()
    {
        if (!_stop.IsCancellationRequested)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await ConnectAsync(_stop.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or HubException)
                {
                    // Stopped by the reader, or the hub refuses the filter it took before; the reader ends with it.
                    _events.Writer.TryComplete(exception is HubException ? exception : null);
                }
            });
        }

        return Task.CompletedTask;
    }

    private void Received(StoredEvent stored)
    {
        lock (_gate)
        {
            if (_last is { } last && stored.Position <= last)
            {
                return;
            }

            _last = stored.Position;
        }

        _events.Writer.TryWrite(stored);
    }

    private void Resync(ResyncNotice notice)
    {
        // Only a cursor this store does not know puts the hub's cursor before ours (it then goes on from its
        // log's end); after falling behind, the hub's cursor is the last event it sent, which we have.
        if (LogPosition.TryParse(notice.AfterCursor, out var after))
        {
            lock (_gate)
            {
                if (_last is { } last && after < last)
                {
                    _last = after;
                }
            }
        }
    }
}
