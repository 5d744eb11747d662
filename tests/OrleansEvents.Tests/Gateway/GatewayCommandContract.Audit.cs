using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>The audit trail of operators' edits and deletes in the tenant's <c>system/audit</c> stream.</summary>
public abstract partial class GatewayCommandContract
{
    [Fact]
    public async Task AnEditIsAuditedWithSeverityBeforeAndAfterAndOnlyFingerprintsOfTheText()
    {
        var id = await AppendAsync("""{"event_type":"device.offline","severity":"warning","message":"before-7f3a"}""");

        await ProblemAssert.JsonAsync(await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"severity":"critical","message":"after-9c1b","context":{"k":1}}""")));
        var entry = await SingleAuditEntryAsync();

        Assert.Equal("audit.event_updated", entry.GetProperty("event_type").GetString());
        Assert.Equal(id, entry.GetProperty("context").GetProperty("target_id").GetInt64());
        var details = entry.GetProperty("context").GetProperty("details");
        Assert.Equal(["severity", "message", "context"], details.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var (before, after) = (details.GetProperty("before"), details.GetProperty("after"));
        Assert.Equal(("warning", "critical"), (before.GetProperty("severity").GetString(), after.GetProperty("severity").GetString()));
        Assert.Equal((Sha256("before-7f3a"), 11), Fingerprint(before.GetProperty("message")));
        Assert.Equal((Sha256("after-9c1b"), 10), Fingerprint(after.GetProperty("message")));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("context").ValueKind);
        Assert.Matches("^[0-9a-f]{64}$", Fingerprint(after.GetProperty("context")).Sha256);
        Assert.False(before.TryGetProperty("source", out _));
        Assert.DoesNotContain("before-7f3a", entry.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("after-9c1b", entry.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeleteIsAuditedWithoutCopyingWhatWasDeleted()
    {
        const string message = "api key sk_live_0042 leaked into a log line";
        var id = await AppendAsync($$$"""{"event_type":"device.offline","severity":"error","message":"{{{message}}}","context":{"token":"sk_live_0042"}}""");

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync($"/api/events/{id}")).StatusCode);
        var entry = await SingleAuditEntryAsync();

        Assert.Equal("audit.event_deleted", entry.GetProperty("event_type").GetString());
        var deleted = entry.GetProperty("context").GetProperty("details").GetProperty("deleted");
        Assert.Equal(("device.offline", "error"), (deleted.GetProperty("event_type").GetString(), deleted.GetProperty("severity").GetString()));
        Assert.Equal((Sha256(message), message.Length), Fingerprint(deleted.GetProperty("message")));
        Assert.True(Fingerprint(deleted.GetProperty("context")).Bytes > 0);
        Assert.DoesNotContain("sk_live_0042", entry.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedOrMissedChangeLeavesNoAuditEntry()
    {
        var id = await AppendAsync("""{"event_type":"device.offline"}""");

        await ProblemAssert.IsProblemAsync(await Admin.PutAsync($"/api/events/{id}", JsonContent.Of("""{"severity":"fatal"}""")), HttpStatusCode.BadRequest, "severity");
        await ProblemAssert.IsProblemAsync(await Admin.DeleteAsync("/api/events/987654321"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await Writer.DeleteAsync($"/api/events/{id}")).StatusCode);
        var audit = await ProblemAssert.JsonAsync(await Admin.GetAsync("/api/events?stream=system/audit"));

        Assert.Empty(audit.GetProperty("events").EnumerateArray());
    }

    private async Task<JsonElement> SingleAuditEntryAsync()
    {
        var audit = await ProblemAssert.JsonAsync(await Admin.GetAsync("/api/events?stream=system/audit"));
        return Assert.Single(audit.GetProperty("events").EnumerateArray());
    }

    private static (string Sha256, int Bytes) Fingerprint(JsonElement value) =>
        (value.GetProperty("sha256").GetString()!, value.GetProperty("bytes").GetInt32());

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
