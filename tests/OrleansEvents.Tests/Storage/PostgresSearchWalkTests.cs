using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

/// <summary>
/// q on PostgreSQL in its four steps (RelationalEventLog.Search), here a few events long: a walk over
/// the newest 4 ids; the index's matches when there are at most 5 and a walk over 12 ids, in either
/// order; every match from the index. Each layout of matches below is answered by a different step for
/// some page; every page must be the one the rule gives, by cursor and by offset, in both orders.
/// </summary>
public sealed class PostgresSearchWalkTests(PostgresShortWalkFixture fixture) : IClassFixture<PostgresShortWalkFixture>
{
    private const int Events = 40;

    private readonly string _tenant = TestEvents.Tenant();

    private static readonly EventFilter Q = new() { Text = "needle" };

    [Fact]
    public async Task SearchWithMatchesAmongTheNewestIdsPagesLikeTheRule() =>
        await AssertPagesAsync(i => i % 2 == 0);

    [Fact]
    public async Task SearchWithFewMatchesAnywherePagesLikeTheRule() =>
        await AssertPagesAsync(i => i is 3 or 17 or 30 or 37);

    [Fact]
    public async Task SearchWithMatchesAmongTheNewestAndFewBeyondPagesLikeTheRule() =>
        await AssertPagesAsync(i => i is 10 or >= Events - 3);

    [Fact]
    public async Task SearchWithManyMatchesWithinTheLongerWalkPagesLikeTheRule() =>
        await AssertPagesAsync(i => i is >= Events - PostgresShortWalkFixture.LongestWalk and < Events - PostgresShortWalkFixture.NewestWindow);

    [Fact]
    public async Task SearchWithManyMatchesOnlyLongAgoPagesLikeTheRule() =>
        await AssertPagesAsync(i => i is > 3 and < 12);

    [Fact]
    public async Task SearchFromACursorDeepInTheLogWalksFromTheCursor()
    {
        var stored = await AppendAsync(i => i % 3 == 0);
        var cursor = stored[Events / 2].Id;

        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q with { BeforeId = cursor }, stored);
        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q with { AfterId = cursor }, stored);
    }

    [Fact]
    public async Task SearchOfATenantNoLongerThanTheFirstWalkIsAnsweredByIt()
    {
        var stored = (await fixture.Log.AppendAsync(_tenant, Enumerable.Range(0, PostgresShortWalkFixture.NewestWindow)
            .Select(i => TestEvents.New(message: i % 2 == 0 ? $"needle {i}" : $"hay {i}")).ToList())).Select(a => a.Event).ToList();

        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q, stored, limit: 1);
        var page = await fixture.Log.QueryAsync(_tenant, Q with { Limit = 5 });
        Assert.Equal(2, page.Events.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task SearchWithOtherFiltersAndASeparatorKeepsToTheRuleInEveryStep()
    {
        var stored = await AppendAsync(i => i % 3 == 0);
        var separated = $"dle{TextSearch.Separator}x";

        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q with { Severities = [Severity.Error] }, stored);
        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, new EventFilter { Text = separated }, stored);
    }

    [Fact]
    public async Task SearchAnsweredFromFewIndexedMatchesFollowsAnEdit()
    {
        var stored = await AppendAsync(i => i is 3 or 17);
        await fixture.Log.UpdateAsync(_tenant, stored[17].Id, new EventUpdate { Message = "hay now" });

        var page = await fixture.Log.QueryAsync(_tenant, Q);

        Assert.Equal([stored[3].Id], page.Events.Select(e => e.Id));
    }

    /// <summary>Events of this test's tenant, oldest first; those <paramref name="matches"/> picks (by position) hold the needle.</summary>
    private async Task<List<StoredEvent>> AppendAsync(Func<int, bool> matches) =>
        (await fixture.Log.AppendAsync(_tenant, Enumerable.Range(0, Events).Select(i => TestEvents.New(
            severity: i % 2 == 0 ? "error" : "info",
            message: matches(i) ? $"a needle{TextSearch.Separator}x {i}" : $"hay {i}")).ToList())).Select(a => a.Event).ToList();

    private async Task AssertPagesAsync(Func<int, bool> matches)
    {
        var stored = await AppendAsync(matches);
        foreach (var limit in new[] { 1, 3, 7 })
        {
            await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q, stored, limit);
        }
    }
}
