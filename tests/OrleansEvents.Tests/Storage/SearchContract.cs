using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Live;
using OrleansEvents.Queries;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

/// <summary>
/// q and context.&lt;key&gt;=&lt;value&gt; on each store, and live matching that agrees with it. PostgreSQL runs
/// it twice: as configured, where these small tenants are answered by the walk over the newest ids, and
/// with a walk of one id, where the trigram index answers; SQLite with every row still waiting for its
/// search index, and with every row in it.
/// </summary>
public abstract class SearchContract(EventLogFixture fixture)
{
    private IEventLog Log => fixture.Log;

    private string Tenant { get; } = TestEvents.Tenant();

    [Fact]
    public async Task SearchFindsTextInContextStringsAtAnyDepthButNotInKeysOrNumbers()
    {
        await AppendAsync(
        [
            TestEvents.New(message: "top", contextJson: """{"customer":"Grace Hopper"}"""),
            TestEvents.New(message: "nested", contextJson: """{"order":{"lines":[{"sku":"X-1"},{"note":"gift for GRACE"}]}}"""),
            TestEvents.New(message: "in array", contextJson: """{"tags":["vip","grace-period"]}"""),
            TestEvents.New(message: "key only", contextJson: """{"grace":1}"""),
            TestEvents.New(message: "number only", contextJson: """{"code":4711}"""),
            TestEvents.New(message: "none"),
        ]);

        Assert.Equal(["top", "nested", "in array"], await FoundAsync(new EventFilter { Text = "grace" }));
        Assert.Empty(await FoundAsync(new EventFilter { Text = "4711" }));
    }

    [Fact]
    public async Task SearchFindsEventTypeFragmentsAndMessageText()
    {
        await AppendAsync(
        [
            TestEvents.New("whatsapp.send_failed", message: "by type"),
            TestEvents.New("device.disconnected", message: "Send FAILED on the wire"),
            TestEvents.New("device.reconnected", message: "other"),
        ]);

        Assert.Equal(["by type"], await FoundAsync(new EventFilter { Text = "app.send_fa" }));
        Assert.Equal(["by type", "Send FAILED on the wire"], await FoundAsync(new EventFilter { Text = "send" }));
        Assert.Equal(["Send FAILED on the wire"], await FoundAsync(new EventFilter { Text = "send failed" }));
    }

    [Theory]
    [InlineData("100%", new[] { "100% done" })]
    [InlineData("%", new[] { "100% done" })]
    [InlineData("a_b", new[] { "a_b" })]
    [InlineData("_", new[] { "a_b" })]
    [InlineData("c:\\tmp", new[] { "path c:\\tmp" })]
    [InlineData("\"quoted\"", new[] { "say \"quoted\"" })]
    public async Task SearchTakesLikeWildcardsQuotesAndBackslashesLiterally(string q, string[] expected)
    {
        await AppendAsync( new[] { "100% done", "1000 done", "a_b", "axb", "path c:\\tmp", "path c:tmp", "say \"quoted\"", "say quoted" }
            .Select(message => TestEvents.New(message: message)).ToList());

        Assert.Equal(expected, await FoundAsync(new EventFilter { Text = q }));
    }

    [Fact]
    public async Task SearchFoldsOnlyAsciiLetters()
    {
        await AppendAsync(
        [
            TestEvents.New(message: "Timeout"),
            TestEvents.New(message: "ÄRGER mit Müller"),
            TestEvents.New(message: "ärger mit MÜLLER"),
        ]);

        Assert.Equal(["Timeout"], await FoundAsync(new EventFilter { Text = "TIMEOUT" }));
        Assert.Equal(["ÄRGER mit Müller"], await FoundAsync(new EventFilter { Text = "Ärger MIT m" }));
        Assert.Equal(["ärger mit MÜLLER"], await FoundAsync(new EventFilter { Text = "mÜller" }));
    }

    [Fact]
    public async Task SearchShorterThanATrigramStillFindsEverything()
    {
        await AppendAsync(
        [
            TestEvents.New(message: "x"),
            TestEvents.New(message: "AB tested"),
            TestEvents.New(message: "other", contextJson: """{"v":"zab"}"""),
            TestEvents.New(message: "none"),
        ]);

        Assert.Equal(["x"], await FoundAsync(new EventFilter { Text = "X" }));
        Assert.Equal(["AB tested", "other"], await FoundAsync(new EventFilter { Text = "ab" }));
    }

    [Fact]
    public async Task SearchNeverMatchesAcrossTwoTexts()
    {
        await AppendAsync(
        [
            TestEvents.New("def.ghi", message: "abc", contextJson: """{"a":"jkl","b":"mno"}"""),
            TestEvents.New("x.y", message: $"abc{TextSearch.Separator}def"),
        ]);

        Assert.Empty(await FoundAsync(new EventFilter { Text = "abcdef" }));
        Assert.Empty(await FoundAsync(new EventFilter { Text = "ghijkl" }));
        Assert.Empty(await FoundAsync(new EventFilter { Text = "jklmno" }));
        Assert.Equal([$"abc{TextSearch.Separator}def"], await FoundAsync(new EventFilter { Text = $"c{TextSearch.Separator}d" }));
    }

    [Fact]
    public async Task SearchFollowsEditsAndDeletes()
    {
        var appended = await AppendAsync(
        [
            TestEvents.New(message: "kept", contextJson: """{"note":"first draft"}"""),
            TestEvents.New(message: "deleted", contextJson: """{"note":"first draft"}"""),
        ]);

        await Log.UpdateAsync(Tenant, appended[0].Event.Id, new EventUpdate { Context = JsonDocument.Parse("""{"note":"second take"}""").RootElement });
        await Log.DeleteAsync(Tenant, appended[1].Event.Id);
        await SettleAsync();

        Assert.Empty(await FoundAsync(new EventFilter { Text = "first draft" }));
        Assert.Equal(["kept"], await FoundAsync(new EventFilter { Text = "second take" }));
    }

    [Fact]
    public async Task SearchByContextValueComparesStringsExactlyAndJsonValuesByValue()
    {
        await AppendAsync(
        [
            TestEvents.New(message: "number 3", contextJson: """{"attempt":3}"""),
            TestEvents.New(message: "number 3.0", contextJson: """{"attempt":3.0}"""),
            TestEvents.New(message: "number 30e-1", contextJson: """{"attempt":30e-1}"""),
            TestEvents.New(message: "string 3", contextJson: """{"attempt":"3"}"""),
            TestEvents.New(message: "string 3.0", contextJson: """{"attempt":"3.0"}"""),
            TestEvents.New(message: "number 4", contextJson: """{"attempt":4}"""),
            TestEvents.New(message: "nested 3", contextJson: """{"retry":{"attempt":3}}"""),
            TestEvents.New(message: "array 3", contextJson: """{"attempt":[3]}"""),
            TestEvents.New(message: "true", contextJson: """{"flag":true,"gateway":"Twilio"}"""),
            TestEvents.New(message: "string true", contextJson: """{"flag":"true","gateway":"twilio"}"""),
            TestEvents.New(message: "null", contextJson: """{"flag":null}"""),
            TestEvents.New(message: "dotted", contextJson: """{"a.b":"c","a":{"b":"c"}}"""),
            TestEvents.New(message: "no context"),
        ]);

        Assert.Equal(["number 3", "number 3.0", "number 30e-1", "string 3"], await FoundAsync(Context(("attempt", "3"))));
        Assert.Equal(["number 3", "number 3.0", "number 30e-1", "string 3.0"], await FoundAsync(Context(("attempt", "3.0"))));
        Assert.Empty(await FoundAsync(Context(("attempt", "03"))));
        Assert.Equal(["true", "string true"], await FoundAsync(Context(("flag", "true"))));
        Assert.Equal(["null"], await FoundAsync(Context(("flag", "null"))));
        Assert.Equal(["true"], await FoundAsync(Context(("gateway", "Twilio"))));
        Assert.Equal(["dotted"], await FoundAsync(Context(("a.b", "c"))));
        Assert.Equal(["string true"], await FoundAsync(Context(("flag", "true"), ("gateway", "twilio"))));
        Assert.Empty(await FoundAsync(Context(("missing", "3"))));
    }

    [Fact]
    public async Task SearchAnswersExactlyWhatLiveSubscribersMatch()
    {
        string?[] contexts =
        [
            null, """{"customer":"Ada Lovelace","attempt":3}""", """{"attempt":"3","tags":["Retry","50%_off"]}""", """{"attempt":3.5,"deep":{"er":["ADA"]}}""",
            """{"flag":false,"note":"c:\\x"}""", """{"flag":"false","note":"Ärger"}""",
        ];
        string[] messages = ["Ada was here", "nothing", "RETRY later", "50% off", "a_b c:\\x", "ärger"];
        string[] types = ["lead.ada_created", "device.retry", "stripe.charge_failed"];
        var stored = (await AppendAsync( Enumerable.Range(0, 36)
            .Select(i => TestEvents.New(types[i % types.Length], message: messages[i % messages.Length], contextJson: contexts[i / 6 % contexts.Length]))
            .ToList())).Select(a => a.Event).ToList();
        var filters = new[] { "ada", "ADA", "retry", "%", "_", "50%_", "c:\\", "ärger", "Ä", "x", "ry.", "zzz" }
            .Select(q => new EventFilter { Text = q })
            .Concat([Context(("attempt", "3")), Context(("attempt", "3.50")), Context(("flag", "false")), Context(("customer", "Ada Lovelace")),
                Context(("attempt", "3")) with { Text = "retry" }])
            .ToList();

        foreach (var filter in filters)
        {
            var expected = stored.Where(e => EventMatcher.Matches(filter, e)).Select(e => e.Id).ToList();
            var page = await Log.QueryAsync(Tenant, filter with { Limit = 1000, Order = SortOrder.Ascending });

            Assert.True(expected.SequenceEqual(page.Events.Select(e => e.Id)),
                $"q={filter.Text} context={JsonSerializer.Serialize(filter.Context)}: store {page.Events.Count}, live {expected.Count}");
        }
    }

    [Fact]
    public async Task SearchTellsPunctuationFromTheLettersTheTrigramIndexSpellsItWith()
    {
        await AppendAsync( new[] { "order #47", "order k47", "a b", "aqb", "x.y", "xzy", "a-b", "avb", "a_b", "ajb", "c:/d", "cwyd", "me@host", "mexhost" }
            .Select(message => TestEvents.New(message: message)).ToList());

        Assert.Equal(["order #47"], await FoundAsync(new EventFilter { Text = "#47" }));
        Assert.Equal(["order k47"], await FoundAsync(new EventFilter { Text = "K47" }));
        Assert.Equal(["a b"], await FoundAsync(new EventFilter { Text = "a b" }));
        Assert.Equal(["x.y"], await FoundAsync(new EventFilter { Text = "x.y" }));
        Assert.Equal(["a-b"], await FoundAsync(new EventFilter { Text = "a-b" }));
        Assert.Equal(["a_b"], await FoundAsync(new EventFilter { Text = "a_b" }));
        Assert.Equal(["c:/d"], await FoundAsync(new EventFilter { Text = "c:/d" }));
        Assert.Equal(["me@host"], await FoundAsync(new EventFilter { Text = "e@h" }));
        Assert.Equal(["mexhost"], await FoundAsync(new EventFilter { Text = "exh" }));
    }

    [Fact]
    public async Task SearchPagesByCursorAndOffsetAndCountsItsTotalLikeEveryFilter()
    {
        var stored = (await AppendAsync( Enumerable.Range(0, 40)
            .Select(i => TestEvents.New(message: i % 3 == 0 ? $"Retry #{i}" : $"event {i}", contextJson: i % 5 == 0 ? """{"note":"retry later"}""" : null))
            .ToList())).Select(a => a.Event).ToList();

        await SearchPaging.AssertEveryPageAsync(Log, Tenant, new EventFilter { Text = "retry" }, stored);
        await SearchPaging.AssertEveryPageAsync(Log, Tenant, new EventFilter { Text = "#1" }, stored);
        await SearchPaging.AssertEveryPageAsync(Log, Tenant, new EventFilter { Text = "nothing like it" }, stored);
    }

    /// <summary>Done with whatever the store does in the background after a write (SQLite: its search index).</summary>
    protected virtual Task SettleAsync() => Task.CompletedTask;

    private async Task<IReadOnlyList<AppendedEvent>> AppendAsync(IReadOnlyList<NewEvent> events)
    {
        var appended = await Log.AppendAsync(Tenant, events);
        await SettleAsync();
        return appended;
    }

    private static EventFilter Context(params (string Key, string Value)[] criteria) =>
        new() { Context = criteria.ToDictionary(c => c.Key, c => c.Value) };

    private async Task<List<string>> FoundAsync(EventFilter filter) =>
        (await Log.QueryAsync(Tenant, filter with { Limit = 1000, Order = SortOrder.Ascending })).Events.Select(e => e.Message).ToList();
}
