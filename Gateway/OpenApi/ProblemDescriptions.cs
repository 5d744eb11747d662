namespace OrleansEvents.Gateway.OpenApi;

/// <summary>When the gateway answers each problem status, for the OpenAPI document.</summary>
internal static class ProblemDescriptions
{
    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request breaks a rule; errors names each field (limit, [3].severity, body …) and its rules.",
        [401] = "No valid API key: send it as X-API-Key, Authorization: Bearer or X-Admin-API-Key.",
        [404] = "No such event or stream in the caller's tenant (another tenant's counts as none).",
        [409] = "The stream is not at the expected version (expected_version or If-Match); stream, expected_version and actual_version say where it is. Nothing was stored.",
        [413] = "The body is larger than Gateway:MaxRequestBodyBytes; limit gives the bytes allowed.",
        [415] = "The Content-Type is not JSON (no type, text/plain and curl's form type are read as JSON).",
        [429] = "Too many requests for this key in the current window; Retry-After gives the seconds to wait.",
        [503] = "The event store did not answer; the request may be sent again.",
    };

    public static string Of(int status, string requiredRole) => status == 403
        ? $"The key's role is below {requiredRole}, which this operation needs; required_role says so."
        : Descriptions.GetValueOrDefault(status, "A problem.");
}
