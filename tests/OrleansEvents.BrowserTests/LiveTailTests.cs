using System.Text.Json;
using Microsoft.Playwright;
using OrleansEvents.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansEvents.BrowserTests;

public sealed class LiveTailTests(DashboardFixture fixture) : DashboardTest(fixture)
{
    [Fact]
    public Task PostedEventsAppearLiveWithinTwoSecondsNewestFirst() => RunAsync(async () =>
    {
        var device = Unique("d");
        var dashboard = await OpenAsync(query: $"device_id={device}");

        var ids = new List<long>();
        foreach (var severity in new[] { "info", "warning", "critical" })
        {
            var stored = (await Fixture.PostAsync(new { event_type = "device.heartbeat_missed", severity, device_id = device, message = $"{severity} from {device}" }))[0];
            var id = stored.GetProperty("id").GetInt64();
            ids.Add(id);
            var row = dashboard.Row(id);
            await Expect(row).ToBeVisibleAsync(new() { Timeout = (float)DashboardPage.LiveDeadline.TotalMilliseconds });
            await Expect(row).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($"sev-{severity}"));
            await Expect(row.Locator("time")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"));
        }

        Assert.Equal(ids.AsEnumerable().Reverse(), await dashboard.TailIdsAsync());
        Assert.DoesNotContain(dashboard.Console, line => line.StartsWith("error", StringComparison.Ordinal) || line.StartsWith("pageerror", StringComparison.Ordinal));
    });

    [Fact]
    public Task PauseBuffersNewEventsAndResumeShowsThem() => RunAsync(async () =>
    {
        var lead = Unique("l");
        var dashboard = await OpenAsync(query: $"lead_id={lead}");
        var page = dashboard.Page;

        await page.GetByRole(AriaRole.Button, new() { Name = "Pause" }).ClickAsync();
        var stored = await Fixture.PostAsync(
            new { event_type = "lead.updated", lead_id = lead },
            new { event_type = "lead.updated", lead_id = lead });

        await Expect(page.Locator("#buffered")).ToContainTextAsync("2 new events buffered");
        Assert.Empty(await dashboard.TailIdsAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume" }).ClickAsync();
        await Expect(dashboard.Row(stored[1].GetProperty("id").GetInt64())).ToBeVisibleAsync();
        Assert.Equal(2, (await dashboard.TailIdsAsync()).Length);
    });

    [Fact]
    public Task ADroppedConnectionResumesFromItsCursorWithoutGapsOrDuplicates() => RunAsync(async () =>
    {
        var workflow = Unique("w");
        var dashboard = await OpenAsync(query: $"workflow_id={workflow}");
        var page = dashboard.Page;
        const int Count = 30;

        var posted = new List<long>();
        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                var stored = await Fixture.PostAsync(new { event_type = "workflow.step_done", workflow_id = workflow, message = $"step {i}" });
                lock (posted)
                {
                    posted.Add(stored[0].GetProperty("id").GetInt64());
                }

                await Task.Delay(40);
            }
        });

        // Drop both hub connections mid-stream, as a network failure would, while events keep coming.
        await Expect(page.Locator("#tail li")).Not.ToHaveCountAsync(0, new() { Timeout = 5000 });
        var stateAfterDrop = await page.EvaluateAsync<string>("window.oeDashboard.drop().then(() => document.getElementById('connection').dataset.state)");
        Assert.Equal("offline", stateAfterDrop);
        await posting;
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Expect(page.Locator("#tail li")).ToHaveCountAsync(Count, new() { Timeout = 5000 });

        var shown = await dashboard.TailIdsAsync();
        Assert.Equal(posted.OrderByDescending(id => id), shown);
        Assert.Equal(shown.Length, shown.Distinct().Count());
    });

    [Fact]
    public Task ASocketCutByTheNetworkReconnectsByItselfWithoutGapsOrDuplicates() => RunAsync(async () =>
    {
        var workflow = Unique("w");
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        // Every hub WebSocket passes through the test, which can then cut it as a failing network would.
        var dashboard = await OpenAsync(query: $"workflow_id={workflow}", prepare: context => context.RouteWebSocketAsync("**/hubs/events*", route =>
        {
            var server = route.ConnectToServer();
            lock (sockets)
            {
                sockets.Add((route, server));
            }
        }));
        var page = dashboard.Page;
        const int Count = 30;

        var posted = new List<long>();
        var posting = Task.Run(async () =>
        {
            for (var i = 0; i < Count; i++)
            {
                var stored = await Fixture.PostAsync(new { event_type = "workflow.step_done", workflow_id = workflow, message = $"step {i}" });
                lock (posted)
                {
                    posted.Add(Id(stored[0]));
                }

                await Task.Delay(40);
            }
        });

        await Expect(page.Locator("#tail li")).Not.ToHaveCountAsync(0, new() { Timeout = 5000 });
        (IWebSocketRoute Page, IWebSocketRoute Server)[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        Assert.NotEmpty(open);
        foreach (var (pageSide, serverSide) in open)
        {
            await serverSide.CloseAsync(new() { Code = 4000, Reason = "network test" });
            await pageSide.CloseAsync(new() { Code = 4000, Reason = "network test" });
        }

        await posting;
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Expect(page.Locator("#tail li")).ToHaveCountAsync(Count, new() { Timeout = 5000 });
        lock (sockets)
        {
            Assert.True(sockets.Count > open.Length, "the page did not open new sockets");
        }

        var shown = await dashboard.TailIdsAsync();
        Assert.Equal(posted.OrderByDescending(id => id), shown);
    });

    [Fact]
    public Task ThePageKeepsOnlyTheNewestRows() => RunAsync(async () =>
    {
        var workflow = Unique("w");
        var dashboard = await OpenAsync(query: $"workflow_id={workflow}");

        var stored = await Fixture.PostAsync([.. Enumerable.Range(0, 520).Select(i => (object)new { event_type = "workflow.tick", workflow_id = workflow, message = $"tick {i}" })]);

        await Expect(dashboard.Row(Id(stored[^1]))).ToBeVisibleAsync(new() { Timeout = 5000 });
        await Expect(dashboard.Page.Locator("#tail li")).ToHaveCountAsync(500);
        await Expect(dashboard.Row(Id(stored[19]))).ToHaveCountAsync(0);
        await Expect(dashboard.Row(Id(stored[20]))).ToHaveCountAsync(1);
        await Expect(dashboard.Page.Locator("#tail-summary")).ToContainTextAsync("newest 500");
    });

    internal static long Id(JsonElement stored) => stored.GetProperty("id").GetInt64();
}
