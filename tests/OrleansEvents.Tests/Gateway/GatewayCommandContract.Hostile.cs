using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Gateway;

/// <summary>
/// The generated hostile corpus against one running gateway: every answer is a 2xx or a 400 whose
/// problem names the field, a rejected request stores nothing, and an accepted one stores what was sent.
/// </summary>
public abstract partial class GatewayCommandContract
{
    // A field, an item's field ([3].severity), or a context filter's parameter (context.k).
    private static readonly Regex ErrorField = new(@"\A(\[\d+\]\.?)?[a-z_]*(\.[a-z0-9_]+)?\z", RegexOptions.CultureInvariant);

    [Fact]
    public async Task HostileCorpusAnswers400NamingTheFieldOr2xxAndStoresOnlyWhatIsAccepted()
    {
        var corpus = HostileCorpus.All();
        Assert.True(corpus.Count >= 500, $"only {corpus.Count} cases");
        using var client = Fixture.Client(Tenant.WriteKey);
        var failures = new ConcurrentBag<string>();
        long stored = 0;

        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (hostile, cancellationToken) =>
        {
            var content = new ByteArrayContent(hostile.Body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await client.PostAsync("/api/events", content, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.BadRequest:
                    if (NamingProblem(response, text, hostile.Field, hostile.CanonicalField) is { } wrong)
                    {
                        failures.Add($"{hostile.Name}: {wrong}");
                    }

                    break;
                case HttpStatusCode.Created or HttpStatusCode.OK when hostile.MayAccept:
                    var answer = JsonDocument.Parse(text).RootElement;
                    var events = answer.ValueKind == JsonValueKind.Array ? answer.EnumerateArray().ToList() : [answer];
                    Interlocked.Add(ref stored, events.Count(e => !e.GetProperty("duplicate").GetBoolean()));
                    if (events.Count != hostile.Events)
                    {
                        failures.Add($"{hostile.Name}: {events.Count} events answered for {hostile.Events} sent");
                    }
                    else if (hostile.SentText is { } sent && sent.Trim(' ').Length > 0 && hostile.CanonicalField is { } field)
                    {
                        var kept = events[events.Count == 1 ? 0 : 1].GetProperty(field.Replace("[1].", "", StringComparison.Ordinal)).GetString();
                        if (kept != sent)
                        {
                            failures.Add($"{hostile.Name}: stored {JsonSerializer.Serialize(kept)} for {JsonSerializer.Serialize(sent)}");
                        }
                    }

                    break;
                default:
                    failures.Add($"{hostile.Name}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
                    break;
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {corpus.Count} cases failed:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal).Take(40)));
        var total = await ProblemAssert.JsonAsync(await client.GetAsync("/api/events?include_total=true&limit=1"));
        Assert.Equal(stored, total.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task HostileQueryParametersAnswer400NamingTheParameterOr200()
    {
        using var client = Fixture.Client(Tenant.ReadKey);
        var failures = new ConcurrentBag<string>();
        var cases = HostileQueries().ToList();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (query, cancellationToken) =>
        {
            using var response = await client.GetAsync("/api/events?" + query.Query, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var fine = response.StatusCode switch
            {
                HttpStatusCode.BadRequest => NamingProblem(response, text, query.Parameter, null),
                HttpStatusCode.OK when query.MayAccept => null,
                _ => $"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}",
            };
            if (fine is not null)
            {
                failures.Add($"{query.Query}: {fine}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} queries failed:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal).Take(40)));
    }

    [Fact]
    public async Task HostileResolutionsAnswer400NamingTheFieldOr200()
    {
        var id = (await ProblemAssert.JsonAsync(await Writer.PostAsync("/api/events",
            JsonContent.Of("""{"event_type":"corpus.resolve","severity":"error"}"""), CancellationToken.None), HttpStatusCode.Created)).GetProperty("id").GetInt64();
        using var client = Fixture.Client(Tenant.WriteKey);
        var failures = new ConcurrentBag<string>();
        var cases = HostileResolutions().ToList();

        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (hostile, cancellationToken) =>
        {
            using var response = await client.PostAsync($"/api/events/{id}/resolve", JsonContent.Of(hostile.Body), cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var fine = response.StatusCode switch
            {
                HttpStatusCode.BadRequest => NamingProblem(response, text, hostile.Field, null),
                HttpStatusCode.OK when hostile.MayAccept => null,
                _ => $"{(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}",
            };
            if (fine is not null)
            {
                failures.Add($"{hostile.Body}: {fine}");
            }
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {cases.Count} resolutions failed:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal).Take(40)));
    }

    /// <summary>Null when the answer is a problem that names the field (each error under a field-like name); else what is wrong.</summary>
    private static string? NamingProblem(HttpResponseMessage response, string text, string field, string? alternative)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"400 as {response.Content.Headers.ContentType?.MediaType}: {text}";
        }

        var problem = JsonDocument.Parse(text).RootElement;
        if (!problem.TryGetProperty("errors", out var errors) || !errors.EnumerateObject().Any())
        {
            return $"400 without errors: {text}";
        }

        var named = errors.EnumerateObject().Select(e => e.Name).ToList();
        if (named.FirstOrDefault(name => !ErrorField.IsMatch(name) && name != "If-Match") is { } odd)
        {
            return $"400 naming '{odd}', which is no field: {text}";
        }

        return named.Contains(field) || (alternative is not null && named.Contains(alternative)) ? null : $"400 not naming {field}: {text}";
    }

    private static IEnumerable<(string Query, string Parameter, bool MayAccept)> HostileQueries()
    {
        (string Name, string Base, bool Strict)[] parameters =
        [
            ("severity", "error", true), ("min_severity", "warning", true), ("category", "corpus", true), ("event_type", "corpus.*", true),
            ("stream", "lead/x", false), ("lead_id", "x", false), ("session_id", "x", false), ("device_id", "x", false),
            ("account_id", "x", false), ("workflow_id", "x", false), ("source", "x", false), ("resolved", "true", true),
            ("resolved_by", "human", true), ("resolved_by_key", "key-1", false), ("since", "24h", true), ("until", "now", true),
            ("q", "x", false), ("after_id", "1", true), ("before_id", "1", true), ("offset", "0", true), ("limit", "10", true),
            ("order", "asc", true), ("include_total", "true", true), ("context.k", "x", false),
        ];
        string[] controls = ["%00", "%01", "%09", "%0A", "%0D%0A", "%1F", "%7F", "%C2%80", "%C2%85", "%C2%9F"];
        foreach (var (name, start, strict) in parameters)
        {
            yield return ($"{name}={Uri.EscapeDataString(start)}", name, true);
            foreach (var control in controls)
            {
                // q searches message text, which may hold tabs and newlines; only U+0000 has no stored match.
                yield return ($"{name}={Uri.EscapeDataString(start)}{control}", name, name == "q" && control != "%00");
            }

            yield return ($"{name}=%20{Uri.EscapeDataString(start)}", name, !strict && name != "stream");
            yield return ($"{name}={Uri.EscapeDataString(start)}%20", name, !strict);
            yield return ($"{name}={Uri.EscapeDataString(start)}%C0%AF", name, !strict);
            yield return ($"{name}={Uri.EscapeDataString(start)}%ED%A0%80", name, !strict);
            yield return ($"{name}={Uri.EscapeDataString(start)}%FF", name, !strict);
            // Longer than any parameter's limit (q 200, ids 255), and no valid value of the others.
            yield return ($"{name}={new string('a', 1_000)}", name, false);
            foreach (var number in new[] { "-1", "9223372036854775808", "1e400", "1.5", "0x10", "%EF%BC%91" })
            {
                // As text, 1.5 or 0x10 is a fine event type or category; - and a fullwidth 1 are not.
                var wordLike = name is "category" or "event_type" && number is not ("-1" or "%EF%BC%91");
                yield return ($"{name}={number}", name, (!strict && name != "stream") || wordLike);
            }

            yield return ($"{name}={Uri.EscapeDataString(start)}&{name}={Uri.EscapeDataString(start)}", name, false);
        }

        yield return ("no_such_parameter=1", "no_such_parameter", false);
        yield return ("since=99999999999d", "since", false);
        yield return ("since=36501d", "since", false);
        yield return ("since=36500d", "since", true);
        yield return ("since=15M", "since", false);
        yield return ("since=-15m", "since", false);
        yield return ("since=%2B15m", "since", false);
        yield return ("since=0001-01-01T00:00:00Z", "since", true);
        yield return ("until=9999-12-31T23:59:59Z", "until", true);
        yield return ("until=9999-12-31T23:59:59-01:00", "until", false);
        yield return ("since=now&until=1h", "since", false);
    }

    private static IEnumerable<(string Body, string Field, bool MayAccept)> HostileResolutions()
    {
        yield return ("""{"resolved_by":"human"}""", "resolved_by", true);
        yield return ("""{"resolved_by":"LLM_AGENT"}""", "resolved_by", true);
        yield return ("""{"resolved_by":null}""", "resolved_by", true);
        foreach (var bad in new[] { "\" human\"", "\"human \"", "\"human\\n\"", "\"hu\\u0000man\"", "\"\"", "\"robot\"", "1", "true", "[]", "{}", "\"\\ud800\"" })
        {
            yield return ($$"""{"resolved_by":{{bad}}}""", "resolved_by", false);
        }

        foreach (var control in Enumerable.Range(1, 0x1F).Append(0x7F).Append(0x85))
        {
            yield return ($$"""{"note":"ok\u{{control:x4}}"}""", "note", true);
        }

        yield return ("""{"note":"a\u0000b"}""", "note", false);
        yield return ("""{"note":"\udc00"}""", "note", false);
        yield return ($$"""{"note":"{{new string('n', 2_001)}}"}""", "note", false);
        yield return ("""{"note":5}""", "note", false);
        yield return ("""[]""", "body", false);
        yield return (""""x"""", "body", false);
        yield return ("""{"resolved_by":"human",}""", "body", false);
    }
}
