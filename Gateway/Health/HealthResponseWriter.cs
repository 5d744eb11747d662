using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansEvents.Gateway.Json;

namespace OrleansEvents.Gateway.Health;

/// <summary>Writes a health report as a <see cref="HealthResponse"/>.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, HealthResponse.Of(report), GatewayJson.Default, context.RequestAborted);
    }
}
