using Microsoft.Extensions.Logging;
using OrleansEvents.Runtime.Grains;

namespace OrleansEvents.Runtime.Activation;

/// <summary>Log lines of the activation lifecycle.</summary>
internal static partial class ActivationLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Activated {Grain}")]
    public static partial void Activated(ILogger logger, GrainId grain);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activation of {Grain} failed; the next call will try a fresh activation")]
    public static partial void ActivationFailed(ILogger logger, GrainId grain, Exception error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Deactivated {Grain} ({Reason})")]
    public static partial void Deactivated(ILogger logger, GrainId grain, DeactivationReason reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OnDeactivateAsync of {Grain} failed or timed out")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grain, Exception error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer callback of {Grain} failed")]
    public static partial void TimerFailed(ILogger logger, GrainId grain, Exception error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deactivated all {Count} activations at shutdown")]
    public static partial void AllDeactivated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutdown deadline passed with {Count} activations still deactivating")]
    public static partial void ShutdownTimedOut(ILogger logger, int count);
}
