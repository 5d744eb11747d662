using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using OrleansEvents.Client.Hosting;
using OrleansEvents.Client.Json;
using OrleansEvents.Client.Sending;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Client.Reading;

/// <summary>Reads through <c>GET /api/events</c>, <c>/api/events/unresolved</c>, <c>POST /api/events/{id}/resolve</c> and the hub.</summary>
internal sealed class HttpEventReader(IHttpClientFactory clients, IOptions<OrleansEventsOptions> options) : IEventReader
{
    public async IAsyncEnumerable<StoredEvent> QueryAsync(EventFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var client = Client();
        var page = filter with { Offset = 0, IncludeTotal = false };
        while (true)
        {
            var query = EventQueryString.Of(EventQueryString.Criteria(page).Concat(EventQueryString.Paging(page)));
            var answer = await GetAsync<EventPageAnswer>(client, "api/events?" + query, cancellationToken);
            foreach (var stored in answer.Events)
            {
                yield return stored;
            }

            if (answer.NextCursor is not { } next)
            {
                yield break;
            }

            page = page.Order == SortOrder.Ascending ? page with { AfterId = next } : page with { BeforeId = next };
        }
    }

    public async Task<IReadOnlyList<StoredEvent>> GetUnresolvedAsync(EventFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new EventFilter();
        var taken = new EventFilter
        {
            Severities = filter.Severities,
            Category = filter.Category,
            LeadId = filter.LeadId,
            SessionId = filter.SessionId,
            DeviceId = filter.DeviceId,
            Limit = filter.Limit,
        };
        if (filter != taken)
        {
            throw new ArgumentException("The unresolved list takes only severities, category, lead, session and device id, and a limit.", nameof(filter));
        }

        var query = EventQueryString.Of(EventQueryString.Criteria(taken).Append(new("limit", taken.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return (await GetAsync<EventPageAnswer>(Client(), "api/events/unresolved?" + query, cancellationToken)).Events;
    }

    public async Task<IReadOnlyList<StoredEvent>> ResolveAsync(IEnumerable<long> ids, ResolvedBy resolvedBy, string? note = null, CancellationToken cancellationToken = default)
    {
        var client = Client();
        var resolved = new List<StoredEvent>();
        foreach (var id in ids)
        {
            using var response = await client.PostAsJsonAsync($"api/events/{id}/resolve", new { resolved_by = WireNames.Of(resolvedBy), note }, ClientJson.Options, cancellationToken);
            resolved.Add(await ReadAsync<StoredEvent>(response, cancellationToken));
        }

        return resolved;
    }

    public async IAsyncEnumerable<StoredEvent> SubscribeAsync(
        EventFilter? filter = null, LogPosition? fromCursor = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (endpoint, apiKey) = ReadingAddress();
        var criteria = EventQueryString.Criteria(filter ?? new EventFilter()).ToDictionary(StringComparer.Ordinal);
        await using var live = new LiveSubscription(endpoint, apiKey, criteria, fromCursor, options.Value.MaxRetryDelay);
        await foreach (var stored in live.ReadAllAsync(cancellationToken))
        {
            yield return stored;
        }
    }

    private HttpClient Client()
    {
        ReadingAddress();
        return clients.CreateClient(HttpEventTransport.HttpClientName);
    }

    private (Uri Endpoint, string ApiKey) ReadingAddress() => options.Value is { Endpoint: { } endpoint, ApiKey: { Length: > 0 } apiKey }
        ? (OrleansEventsServiceCollectionExtensions.BaseAddress(endpoint), apiKey)
        : throw new InvalidOperationException($"Reading needs {OrleansEventsOptions.SectionName}:Endpoint and {OrleansEventsOptions.SectionName}:ApiKey.");

    private static async Task<T> GetAsync<T>(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException(
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {problem}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken)
            ?? throw new HttpRequestException($"{response.RequestMessage?.RequestUri?.PathAndQuery} answered an empty body.");
    }
}
