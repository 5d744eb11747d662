using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Commands;
using OrleansEvents.Events;
using OrleansEvents.Grains;
using OrleansEvents.Hosting;
using OrleansEvents.Storage;

namespace OrleansEvents.Life;

/// <summary>
/// Records the silo's own life in <c>system/silo</c> — <c>silo.started</c>, <c>silo.stopping</c>, and,
/// once the store is back after an outage, <c>storage.unavailable</c> and <c>storage.recovered</c> —
/// and probes the store so appends fail fast while it is away. Also schedules the daily retention run.
/// </summary>
public sealed partial class SiloLifeRecorder(
    EventCommands commands, IEventLog log, StorageAvailability availability, StorageDescription storage, IGrainFactory grains,
    IOptions<EventsOptions> events, IOptions<SiloLifeOptions> options, [FromKeyedServices(EventClock.Key)] TimeProvider clock,
    ILogger<SiloLifeRecorder> logger)
    : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecordAsync("silo.started", Severity.Info, $"Silo started on {storage.Provider}", new
        {
            version = typeof(SiloLifeRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
            storage_provider = storage.Provider,
            machine = Environment.MachineName,
        });
        await grains.GetGrain<IRetentionGrain>(IRetentionGrain.ClusterKey).EnsureScheduledAsync();
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!availability.IsDown)
        {
            await RecordAsync("silo.stopping", Severity.Info, "Silo stopping", new { machine = Environment.MachineName });
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.ProbeInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await ProbeAsync(stoppingToken);
        }
    }

    private async Task ProbeAsync(CancellationToken stoppingToken)
    {
        try
        {
            await log.PingAsync(stoppingToken);
        }
        catch (StorageUnavailableException exception)
        {
            if (availability.MarkDown(clock.GetUtcNow(), exception.Message))
            {
                LogStorageDown(logger, exception.Message);
            }

            return;
        }

        if (availability.MarkUp() is { } outage)
        {
            var now = clock.GetUtcNow();
            LogStorageBack(logger, (now - outage.Since).TotalSeconds);
            await RecordAsync("storage.unavailable", Severity.Error, $"Storage was unavailable: {outage.Reason}",
                new { since = outage.Since, until = now, reason = outage.Reason });
            await RecordAsync("storage.recovered", Severity.Info, $"Storage recovered after {(now - outage.Since).TotalSeconds:0.#} s",
                new { down_seconds = Math.Round((now - outage.Since).TotalSeconds, 1) });
        }
    }

    private async Task RecordAsync(string eventType, Severity severity, string message, object context)
    {
        try
        {
            await commands.AppendAsync(events.Value.SystemTenant,
            [
                new NewEvent
                {
                    Stream = "system/silo",
                    Category = "silo",
                    Source = "silo",
                    EventType = eventType,
                    Severity = WireNames.Of(severity),
                    Message = message,
                    Context = JsonSerializer.SerializeToElement(context),
                },
            ]);
        }
        catch (StorageUnavailableException exception)
        {
            LogNotRecorded(logger, eventType, exception.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage is unavailable; appends fail until it is back: {Reason}")]
    private static partial void LogStorageDown(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage is available again after {Seconds:0.#} s")]
    private static partial void LogStorageBack(ILogger logger, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record {EventType}: {Reason}")]
    private static partial void LogNotRecorded(ILogger logger, string eventType, string reason);
}
