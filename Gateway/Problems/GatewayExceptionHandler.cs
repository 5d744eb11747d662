using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Grains;
using OrleansEvents.Validation;

namespace OrleansEvents.Gateway.Problems;

/// <summary>Turns the domain's exceptions into problem details, so handlers stay a straight line.</summary>
internal sealed partial class GatewayExceptionHandler(IOptions<GatewayOptions> options, ILogger<GatewayExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The caller left; there is nobody to answer.
            return true;
        }

        IResult? result = exception switch
        {
            EventValidationException invalid => GatewayProblems.Invalid(invalid.Errors),
            RequestRejectedException { StatusCode: StatusCodes.Status413PayloadTooLarge } => GatewayProblems.TooLarge(options.Value.MaxRequestBodyBytes),
            RequestRejectedException { StatusCode: StatusCodes.Status415UnsupportedMediaType } rejected => GatewayProblems.UnsupportedMediaType(rejected.Error.Message),
            RequestRejectedException rejected => GatewayProblems.Invalid([rejected.Error]),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => GatewayProblems.TooLarge(options.Value.MaxRequestBodyBytes),
            BadHttpRequestException bad => TypedResults.Problem(bad.Message, statusCode: bad.StatusCode, title: "Bad request"),
            UnknownEventException unknown => GatewayProblems.NotFound($"no event with id {string.Join(", ", unknown.Ids)}"),
            StreamVersionConflictException conflict => GatewayProblems.VersionConflict(conflict),
            StorageUnavailableException unavailable => GatewayProblems.Unavailable(unavailable.Message),
            _ when ClusterUnreachable.Is(exception) => GatewayProblems.Unavailable($"the cluster did not answer ({exception.GetType().Name}); try again"),
            _ => null,
        };

        if (result is null)
        {
            return false;
        }

        if (result is IStatusCodeHttpResult { StatusCode: >= 500 })
        {
            LogServerProblem(logger, exception.GetType().Name, exception.Message);
        }

        await result.ExecuteAsync(context);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request failed with {ExceptionType}: {Reason}")]
    private static partial void LogServerProblem(ILogger logger, string exceptionType, string reason);
}
