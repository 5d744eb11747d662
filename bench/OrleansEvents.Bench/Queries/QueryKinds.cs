using System.Globalization;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Bench.Queries;

/// <summary>
/// What the bench asks, by kind, each through the query grain as the gateway asks it: GET by id as
/// GET /api/events/{id} does, every other kind as a GET /api/events filter (first page of 100,
/// newest first unless it says otherwise), a fresh value per query where the data has many.
/// </summary>
public sealed record QueryKinds(string Name, string Share, double Percentile, double? GoalMilliseconds, Func<IEventQueryGrain, Task<int>> Run)
{
    public static IEnumerable<QueryKinds> All(Random random, long firstId, long lastId)
    {
        string Pick(string[] values) => values[random.Next(values.Length)];
        long DeepId() => firstId + (long)(random.NextDouble() * (lastId - firstId) / 2);
        QueryKinds List(string name, string share, Func<EventFilter> next, double goal = 20) =>
            new(name, share, 0.95, goal, async grain => (await grain.QueryAsync(QueryData.Tenant, next())).Events.Count);
        QueryKinds Q(string name, string share, Func<string> q) => List($"q: {name}", share, () => new() { Text = q() });
        EventFilter Context(string key, string value) => new() { Context = new Dictionary<string, string> { [key] = value } };

        yield return new("GET /api/events/{id}", "1 event", 0.99, 5,
            async grain => await grain.GetAsync(QueryData.Tenant, firstId + (long)(random.NextDouble() * (lastId - firstId))) is null ? 0 : 1);

        // The floor under every row: the same grain and connection pool asking SELECT 1.
        yield return new("baseline: SELECT 1 through the query grain", "none", 0.99, null, async grain =>
        {
            await grain.PingStorageAsync();
            return 0;
        });
        yield return List("event_type=whatsapp.* (prefix)", "30 %", () => new() { EventTypePrefix = "whatsapp." });
        yield return List("event_type=stripe.* (prefix)", "5 %", () => new() { EventTypePrefix = "stripe." });
        yield return List("event_type=stripe.job_* (prefix)", "1 %", () => new() { EventTypePrefix = "stripe.job_" });
        yield return List("severity=error,critical&category=whatsapp", "3 %",
            () => new() { Severities = [Severity.Error, Severity.Critical], Category = "whatsapp" });
        yield return List("severity=critical&category=stripe", "0.1 %", () => new() { Severities = [Severity.Critical], Category = "stripe" });
        yield return List("lead_id=lead-N", "~14 events",
            () => new() { LeadId = "lead-" + random.Next(QueryData.Leads).ToString(CultureInfo.InvariantCulture) });
        yield return List("resolved=false&min_severity=warning", "3 %", () => new() { Resolved = false, MinSeverity = Severity.Warning });
        yield return List("resolved=false&severity=critical", "0.2 %", () => new() { Resolved = false, Severities = [Severity.Critical] });
        yield return List("before_id=N (older half of the log)", "all", () => new() { BeforeId = DeepId() });
        yield return List("after_id=N&order=asc (older half of the log)", "all", () => new() { AfterId = DeepId(), Order = SortOrder.Ascending });

        // Typed as people type: in any case.
        yield return Q("a word in a context value (customer, `TANAKA-1234`)", "~0.006 %", () => $"{Pick(QueryData.Surnames).ToUpperInvariant()}-{random.Next(1000, 2000)}");
        yield return Q("a word in the message, rare (`#4711`)", "~0.01 %", () => $"#{random.Next(1000, 9973)}");
        yield return Q("a text in about 0.1 % of events (`#471`)", "~0.11 %", () => $"#{random.Next(100, 998)}");
        yield return Q("a text in about 1 % of events (`#47`)", "~1.1 %", () => $"#{random.Next(10, 100)}");
        yield return Q("a word in the message, common (`Alice`)", "10 %", () => Capitalized(Pick(QueryData.Names)));
        yield return Q("an event-type fragment (`payment_decl`)", "10 %", () => Pick(QueryData.Subtypes)[..^2]);
        yield return List("context.customer=`Silva-1234`", "~0.006 %", () => Context("customer", $"{Pick(QueryData.Surnames)}-{random.Next(1000, 2000)}"), goal: 100);
        yield return List("context.attempt=`3`", "14 %", () => Context("attempt", random.Next(7).ToString(CultureInfo.InvariantCulture)), goal: 100);
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
