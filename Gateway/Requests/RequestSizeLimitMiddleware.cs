using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OrleansEvents.Gateway.Hosting;
using OrleansEvents.Gateway.Problems;

namespace OrleansEvents.Gateway.Requests;

/// <summary>
/// Applies <see cref="GatewayOptions.MaxRequestBodyBytes"/> to every request: a declared length over
/// the limit is refused before the body is read; a chunked body is cut off by the server when it
/// passes the limit (and <see cref="JsonBody"/> counts bytes itself, whatever the server).
/// </summary>
internal sealed class RequestSizeLimitMiddleware(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return GatewayProblems.TooLarge(limit).ExecuteAsync(context);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
