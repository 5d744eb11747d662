using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Runtime.Diagnostics;
using OrleansEvents.Runtime.Grains;
using OrleansEvents.Runtime.Hosting;

namespace OrleansEvents.Runtime.Activation;

/// <summary>
/// The silo's directory of activations: finds or creates the one activation for a grain id, collects idle
/// ones and deactivates everything at shutdown.
/// </summary>
internal sealed class ActivationCatalog(
    IServiceProvider services,
    GrainTypeRegistry registry,
    TimeProvider timeProvider,
    IOptions<GrainRuntimeOptions> options,
    RuntimeMetrics metrics,
    ILogger<ActivationCatalog> logger) : IDisposable
{
    private readonly ConcurrentDictionary<GrainId, Activation> _activations = new();
    private readonly CancellationTokenSource _stopping = new();
    private ITimer? _collector;
    private IGrainFactory? _grainFactory;
    private volatile bool _closed;

    public IServiceProvider Services => services;

    public TimeProvider TimeProvider => timeProvider;

    public GrainRuntimeOptions Options => options.Value;

    public RuntimeMetrics Metrics => metrics;

    public ILogger Logger => logger;

    public IGrainFactory GrainFactory => _grainFactory ??= services.GetRequiredService<IGrainFactory>();

    /// <summary>Cancelled once the host has stopped the runtime.</summary>
    public CancellationToken StoppingToken => _stopping.Token;

    public int Count => _activations.Count;

    public IEnumerable<Activation> Activations => _activations.Values;

    /// <summary>Queues <paramref name="turn"/> on the activation of <paramref name="target"/>, creating it if needed.</summary>
    public void Deliver(GrainId target, IGrainTurn turn)
    {
        while (true)
        {
            if (_closed)
            {
                throw new InvalidOperationException($"The grain runtime has stopped; {target} cannot be called.");
            }

            var activation = _activations.GetOrAdd(target, static (id, self) => self.Create(id), this);
            if (activation.TryEnqueue(turn))
            {
                return;
            }

            // The activation finished deactivating between lookup and enqueue; drop it if it is still listed.
            _activations.TryRemove(new KeyValuePair<GrainId, Activation>(target, activation));
        }
    }

    public void Redeliver(GrainId target, IGrainTurn turn)
    {
        try
        {
            Deliver(target, turn);
        }
        catch (Exception error)
        {
            turn.Abandon(error);
        }
    }

    public void StartCollector()
    {
        var quantum = Options.CollectionQuantum;
        _collector = timeProvider.CreateTimer(static state => ((ActivationCatalog)state!).CollectIdle(), this, quantum, quantum);
    }

    public void CollectIdle()
    {
        var now = timeProvider.GetTimestamp();
        var age = Options.CollectionAge;
        foreach (var activation in _activations.Values)
        {
            activation.TryCollect(now, age);
        }
    }

    /// <summary>Deactivates every activation (including ones created meanwhile) until none is left or time is up.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _collector?.Dispose();
        var count = _activations.Count;
        try
        {
            while (!_activations.IsEmpty)
            {
                var pending = _activations.Values.Select(a => a.DeactivateAsync(DeactivationReason.Shutdown)).ToArray();
                await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            ActivationLog.AllDeactivated(logger, count);
        }
        catch (OperationCanceledException)
        {
            ActivationLog.ShutdownTimedOut(logger, _activations.Count);
        }
        finally
        {
            _closed = true;
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void OnActivated(Activation activation)
    {
        metrics.Activated();
        ActivationLog.Activated(logger, activation.Id);
    }

    public void OnActivationFailed(Activation activation, Exception error)
    {
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));
        metrics.ActivationFailed();
        ActivationLog.ActivationFailed(logger, activation.Id, error);
    }

    public void OnDeactivated(Activation activation, DeactivationReason reason)
    {
        _activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));
        metrics.Deactivated();
        ActivationLog.Deactivated(logger, activation.Id, reason);
    }

    public void Dispose()
    {
        _collector?.Dispose();
        _stopping.Dispose();
    }

    private Activation Create(GrainId id) => new(id, registry.ForTypeName(id.Type), this);
}
