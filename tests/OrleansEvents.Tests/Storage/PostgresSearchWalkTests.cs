using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Storage;

/// <summary>
/// q on PostgreSQL walks the ids at the page's start (here ten) before it asks the trigram index. Each
/// layout of matches below puts the page in the walk, beyond it or across it; every page must be the
/// one the rule gives, by cursor and by offset, in both orders.
/// </summary>
public sealed class PostgresSearchWalkTests(PostgresShortWalkFixture fixture) : IClassFixture<PostgresShortWalkFixture>
{
    private const int Events = 4 * PostgresShortWalkFixture.WalkWindow;

    private readonly string _tenant = TestEvents.Tenant();

    private static readonly EventFilter Q = new() { Text = "needle" };

    [Fact]
    public async Task SearchWithMatchesAmongTheIdsWalkedPagesLikeTheRule() =>
        await AssertPagesAsync(i => i % 2 == 0);

    [Fact]
    public async Task SearchWithMatchesOnlyBeyondTheWalkPagesLikeTheRule() =>
        await AssertPagesAsync(i => i is > 3 and < 8);

    [Fact]
    public async Task SearchWithAFewMatchesInTheWalkAndMoreBeyondPagesLikeTheRule() =>
        await AssertPagesAsync(i => i == Events - 2 || i % 7 == 0);

    [Fact]
    public async Task SearchFromACursorDeepInTheLogWalksFromTheCursor()
    {
        var stored = await AppendAsync(i => i % 3 == 0);
        var cursor = stored[Events / 2].Id;

        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q with { BeforeId = cursor }, stored);
        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q with { AfterId = cursor }, stored);
    }

    [Fact]
    public async Task SearchOfATenantSmallerThanTheWalkIsAnsweredWhole()
    {
        var stored = (await fixture.Log.AppendAsync(_tenant, Enumerable.Range(0, PostgresShortWalkFixture.WalkWindow - 2)
            .Select(i => TestEvents.New(message: i % 4 == 0 ? $"needle {i}" : $"hay {i}")).ToList())).Select(a => a.Event).ToList();

        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q, stored, limit: 1);
        var page = await fixture.Log.QueryAsync(_tenant, Q with { Limit = 5 });
        Assert.Equal(2, page.Events.Count);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task SearchWithOtherFiltersAndASeparatorKeepsToTheRuleOnBothSidesOfTheWalk()
    {
        var stored = await AppendAsync(i => i % 3 == 0);
        var separated = $"dle{TextSearch.Separator}x";

        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, Q with { Severities = [Severity.Error] }, stored);
        await SearchPaging.AssertEveryPageAsync(fixture.Log, _tenant, new EventFilter { Text = separated }, stored);
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
