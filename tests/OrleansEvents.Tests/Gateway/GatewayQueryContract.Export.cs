using System.Net;
using System.Text.Json;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

public abstract partial class GatewayQueryContract
{
    [Fact]
    public async Task ExportStreamsEveryMatchAsNdjsonAcrossManyPages()
    {
        const int count = 2345;
        for (var offset = 0; offset < count; offset += 1000)
        {
            await Fixture.Log.AppendAsync(Tenant.Id,
                Enumerable.Range(offset, Math.Min(1000, count - offset)).Select(i => TestEvents.New("export.row", message: $"row {i}", leadId: "exp")).ToList());
        }

        await Fixture.Log.AppendAsync(Tenant.Id, [TestEvents.New("export.other", leadId: "not-exported")]);

        var response = await Reader.GetAsync("/api/events/export?lead_id=exp&order=asc", HttpCompletionOption.ResponseHeadersRead);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(count, lines.Length);
        var messages = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("message").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"row {i}"), messages);
    }

    [Fact]
    public async Task ExportWritesCsvWithQuotedFieldsAndHonoursALimit()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("csv.row", message: "plain", leadId: "csv"),
            TestEvents.New("csv.row", message: "comma, \"quote\"\nnewline", leadId: "csv", contextJson: """{"a":1}"""),
            TestEvents.New("csv.row", message: "third", leadId: "csv"),
        ]);

        var csv = await Reader.GetStringAsync("/api/events/export?format=csv&lead_id=csv&order=asc&limit=2");
        var limited = csv.Split('\n');

        Assert.StartsWith("id,event_id,stream,version,", limited[0], StringComparison.Ordinal);
        Assert.EndsWith(",resolution_note,resolved_by_key,tenant_id", limited[0], StringComparison.Ordinal);
        Assert.EndsWith($",{Tenant.Id}", limited[1], StringComparison.Ordinal);
        Assert.Contains("\"comma, \"\"quote\"\"\nnewline\"", csv, StringComparison.Ordinal);
        Assert.Matches("\"\\{\"\"a\"\": ?1\\}\"", csv);
        Assert.DoesNotContain("third", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportKeepsSpreadsheetsFromRunningTextAsFormulas()
    {
        await Fixture.Log.AppendAsync(Tenant.Id,
        [
            TestEvents.New("csv.formula", message: "=HYPERLINK(\"http://evil\",\"click\")", leadId: "formula"),
            TestEvents.New("csv.formula", message: "@SUM(A1)", leadId: "formula"),
            TestEvents.New("csv.formula", message: "+1+1", leadId: "formula"),
            TestEvents.New("csv.formula", message: "-2+3", leadId: "formula"),
            TestEvents.New("csv.formula", message: "\t=1", leadId: "formula"),
            TestEvents.New("csv.formula", message: "safe = text", leadId: "formula", source: "=cmd"),
        ]);

        var csv = await Reader.GetStringAsync("/api/events/export?format=csv&lead_id=formula&order=asc");

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),", csv, StringComparison.Ordinal);
        Assert.Contains(",'+1+1,", csv, StringComparison.Ordinal);
        Assert.Contains(",'-2+3,", csv, StringComparison.Ordinal);
        Assert.Contains(",'\t=1,", csv, StringComparison.Ordinal);
        Assert.Contains(",safe = text,'=cmd,", csv, StringComparison.Ordinal);
        Assert.All(csv.Split('\n').Skip(1).SelectMany(line => line.Split(',')), cell => Assert.False(cell.TrimStart('"').StartsWith('='), cell));
    }

    [Theory]
    [InlineData("format=xml", "format")]
    [InlineData("limit=0", "limit")]
    [InlineData("offset=5", "offset")]
    [InlineData("severity=nope", "severity")]
    public async Task ExportRejectsBadParametersNamingThem(string query, string field)
    {
        await ProblemAssert.IsProblemAsync(await Reader.GetAsync("/api/events/export?" + query), HttpStatusCode.BadRequest, field);
    }
}
