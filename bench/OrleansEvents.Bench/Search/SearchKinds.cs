using OrleansEvents.Queries;

namespace OrleansEvents.Bench.Search;

/// <summary>What the bench asks, by kind: each makes a fresh filter per query from the values <see cref="SearchData"/> wrote.</summary>
public sealed record SearchKinds(string Name, string Share, Func<EventFilter> Next)
{
    public static IEnumerable<SearchKinds> All(Random random)
    {
        string Pick(string[] values) => values[random.Next(values.Length)];
        EventFilter Q(string q) => new() { Text = q };
        EventFilter Context(string key, string value) => new() { Context = new Dictionary<string, string> { [key] = value } };

        // Typed as people type: in any case.
        yield return new("q: a word in a context value (customer, `TANAKA-1234`)", "~0.006 %", () => Q($"{Pick(SearchData.Surnames).ToUpperInvariant()}-{random.Next(1000, 2000)}"));
        yield return new("q: a word in the message, rare (`#4711`)", "~0.01 %", () => Q($"#{random.Next(1000, 9973)}"));
        yield return new("q: a word in the message, common (`Alice`)", "10 %", () => Q(Capitalized(Pick(SearchData.Names))));
        yield return new("q: an event-type fragment (`payment_decl`)", "10 %", () => Q(Pick(SearchData.Subtypes)[..^2]));
        yield return new("q: a text in about 1 % of events (`#47`)", "~1.1 %", () => Q($"#{random.Next(10, 100)}"));
        yield return new("context.customer=`Silva-1234`", "~0.006 %", () => Context("customer", $"{Pick(SearchData.Surnames)}-{random.Next(1000, 2000)}"));
        yield return new("context.attempt=`3`", "14 %", () => Context("attempt", random.Next(7).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
