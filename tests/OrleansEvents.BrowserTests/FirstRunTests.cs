using System.Text.RegularExpressions;
using OrleansEvents.BrowserTests.Infrastructure;
using OrleansEvents.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

/// <summary>What a newcomer does: start a silo with no keys, open the printed link, watch events arrive.</summary>
public sealed partial class FirstRunTests(DashboardFixture fixture) : DashboardTest(fixture), IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oe-first-run-").FullName;

    [Fact]
    public Task TheLinkPrintedOnFirstStartOpensASignedInDashboard() => RunAsync(async () =>
    {
        await using var silo = SiloProcess.Start(_directory);
        await silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var link = await WaitForLinkAsync(silo);
        var key = Uri.UnescapeDataString(Regex.Match(link.Query, "key=([^&]+)").Groups[1].Value);

        var dashboard = await OpenAsync(link);

        await Expect(dashboard.Page.Locator("#caller")).ToContainTextAsync("admin");
        Assert.DoesNotContain("key=", dashboard.Page.Url, StringComparison.Ordinal);
        using var client = new HttpClient { BaseAddress = silo.BaseAddress };
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        var response = await client.PostAsync("/api/events",
            new StringContent("""{"event_type":"deployment.finished","severity":"warning","message":"first event"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        await Expect(dashboard.Page.Locator("#tail li", new() { HasText = "first event" })).ToBeVisibleAsync(new() { Timeout = 2000 });
    });

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private static async Task<Uri> WaitForLinkAsync(SiloProcess silo)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (DashboardLine().Match(silo.Output) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No dashboard link in the silo's output:\n{silo.Output}");
    }

    [GeneratedRegex(@"Dashboard: (http://\S+\?key=\S+)")]
    private static partial Regex DashboardLine();
}
