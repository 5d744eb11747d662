using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Gateway.Json;

namespace OrleansEvents.Gateway.Health;

/// <summary>Writes a health report as a <see cref="HealthResponse"/>; with an admin key, with every check's data.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var response = HealthResponse.Of(report, allData: context.User.RoleOf() == ApiKeyRoles.Admin);
        return JsonSerializer.SerializeAsync(context.Response.Body, response, GatewayJson.Default, context.RequestAborted);
    }
}
