using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Checks that a response is an RFC 7807 problem of the given status that names the given field.</summary>
public static class ProblemAssert
{
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            var named = problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _)
                        || problem.TryGetProperty("field", out var single) && single.GetString() == field;
            Assert.True(named, $"the problem does not name '{field}': {body}");
        }

        return problem;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return await Task.FromResult(JsonDocument.Parse(body).RootElement.Clone());
    }
}
