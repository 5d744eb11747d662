using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace OrleansEvents.Gateway.Hubs;

/// <summary>
/// Logs what goes wrong in the hub by whose fault it is. SignalR's dispatcher logs every failed
/// invocation as an error with a stack trace, a client's mistyped filter included; that category is
/// turned down (<see cref="DispatcherCategory"/>) and this filter logs instead: a refusal
/// (<see cref="HubException"/>, which the client is told) at debug, anything else as the error it is.
/// </summary>
internal sealed partial class HubFailureLogging(ILogger<HubFailureLogging> logger) : IHubFilter
{
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (HubException refused)
        {
            LogRefused(logger, invocationContext.HubMethodName, refused.Message);
            throw;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, invocationContext.HubMethodName, exception);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            LogFailed(logger, nameof(OnConnectedAsync), exception);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        catch (Exception failure)
        {
            LogFailed(logger, nameof(OnDisconnectedAsync), failure);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused the client's request: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
