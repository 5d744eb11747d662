using System.Text;
using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Storage;

/// <summary>
/// Builds the WHERE clauses of queries and retention passes from their criteria. Values only ever
/// travel as parameters; the SQL text depends on which criteria are set, never on their values.
/// </summary>
internal static class EventQuerySql
{
    /// <summary>
    /// The page query: matches, keyset bounds, order, offset and one row more than the limit (to know if
    /// there is a next page). With a q, every match comes from the text index first and is then ordered:
    /// the planner cannot take a walk over ids for it, which reads the whole log for a q that is rare.
    /// </summary>
    public static string Page(string tenantId, EventFilter filter, SqlDialect dialect, SqlArguments arguments)
    {
        var where = Bounded(tenantId, filter, dialect, arguments, rowByRow: false);
        return string.IsNullOrEmpty(filter.Text)
            ? $"SELECT {EventColumns.All} FROM events WHERE {where} {OrderAndPage(filter, arguments)}"
            : $"SELECT {EventColumns.All} FROM (SELECT {EventColumns.All} FROM events WHERE {where}{dialect.Fence}) AS found {OrderAndPage(filter, arguments)}";
    }

    /// <summary>
    /// The page among the ids from <paramref name="edge"/> on towards the start of the page's order (ids
    /// at or above it, newest first; at or below it, oldest first), q checked row by row; all ids when null.
    /// </summary>
    public static string WalkPage(string tenantId, EventFilter filter, long? edge, SqlDialect dialect, SqlArguments arguments)
    {
        var where = new StringBuilder(Bounded(tenantId, filter, dialect, arguments, rowByRow: true));
        if (edge is { } id)
        {
            where.Append(filter.Order == SortOrder.Ascending ? " AND id <= " : " AND id >= ").Append(arguments.Add(id));
        }

        return $"SELECT {EventColumns.All} FROM events WHERE {where} {OrderAndPage(filter, arguments)}";
    }

    /// <summary>
    /// The ids of up to <paramref name="most"/> + 1 matches within the keyset bounds, in no order, q through
    /// the text index. The CTE is planned to read every match, so the index answers it, and read only as
    /// far as the outer LIMIT asks.
    /// </summary>
    public static string MatchingIds(string tenantId, EventFilter filter, int most, SqlDialect dialect, SqlArguments arguments) =>
        $"WITH matches AS MATERIALIZED (SELECT id FROM events WHERE {Bounded(tenantId, filter, dialect, arguments, rowByRow: false)}) " +
        $"SELECT id FROM matches LIMIT {arguments.Add((long)most + 1)}";

    /// <summary>The events among <paramref name="ids"/> that match (q row by row), in the page's order.</summary>
    public static string Among(string tenantId, EventFilter filter, IReadOnlyCollection<long> ids, SqlDialect dialect, SqlArguments arguments) =>
        $"SELECT {EventColumns.All} FROM events WHERE {Bounded(tenantId, filter, dialect, arguments, rowByRow: true)} " +
        $"AND {dialect.AnyOf("id", ids, arguments)} ORDER BY id {(filter.Order == SortOrder.Ascending ? "ASC" : "DESC")}";

    /// <summary>The tenant's lowest and highest id (both null when it has no events), each straight off its index.</summary>
    public static string IdSpan(string tenantId, SqlArguments arguments)
    {
        var tenant = arguments.Add(tenantId);
        return $"SELECT (SELECT min(id) FROM events WHERE tenant_id = {tenant}), (SELECT max(id) FROM events WHERE tenant_id = {tenant})";
    }

    /// <summary>Counts every match, regardless of paging.</summary>
    public static string Total(string tenantId, EventFilter filter, SqlDialect dialect, SqlArguments arguments) =>
        $"SELECT count(*) FROM events WHERE {Matches(tenantId, filter, dialect, arguments)}";

    public static string Matches(string tenantId, EventFilter filter, SqlDialect dialect, SqlArguments arguments, bool rowByRow = false)
    {
        var where = new StringBuilder("tenant_id = ").Append(arguments.Add(tenantId));
        void Equal(string column, string? value)
        {
            if (value is not null)
            {
                where.Append(" AND ").Append(column).Append(" = ").Append(arguments.Add(value));
            }
        }

        Equal("stream", filter.Stream?.ToString());
        Equal("lead_id", filter.LeadId);
        Equal("session_id", filter.SessionId);
        Equal("device_id", filter.DeviceId);
        Equal("account_id", filter.AccountId);
        Equal("workflow_id", filter.WorkflowId);
        Equal("category", filter.Category);
        Equal("event_type", filter.EventType);
        Equal("source", filter.Source);
        Equal("resolved_by", filter.ResolvedBy is { } by ? WireNames.Of(by) : null);
        Equal("resolved_by_key", filter.ResolvedByKey);

        if (SeveritiesOf(filter) is { } severities)
        {
            where.Append(" AND ").Append(dialect.AnyOf("severity", severities, arguments));
        }

        if (filter.EventTypePrefix is { } prefix)
        {
            where.Append(" AND ").Append(PrefixRange("event_type", prefix, arguments));
        }

        if (filter.Resolved is { } resolved)
        {
            where.Append(" AND resolved = ").Append(arguments.Add(resolved));
        }

        if (filter.Since is { } since)
        {
            where.Append(" AND \"timestamp\" >= ").Append(arguments.Add(dialect.Time(since)));
        }

        if (filter.Until is { } until)
        {
            where.Append(" AND \"timestamp\" <= ").Append(arguments.Add(dialect.Time(until)));
        }

        if (!string.IsNullOrEmpty(filter.Text))
        {
            where.Append(" AND ").Append(rowByRow ? dialect.SearchRowByRow(filter.Text, arguments) : dialect.Search(filter.Text, arguments));
        }

        foreach (var (key, value) in filter.Context ?? new Dictionary<string, string>())
        {
            where.Append(" AND ").Append(dialect.ContextEquals(key, value, arguments));
        }

        return where.ToString();
    }

    /// <summary>Matches within the filter's keyset bounds.</summary>
    private static string Bounded(string tenantId, EventFilter filter, SqlDialect dialect, SqlArguments arguments, bool rowByRow)
    {
        var where = new StringBuilder(Matches(tenantId, filter, dialect, arguments, rowByRow));
        if (filter.AfterId is { } afterId)
        {
            where.Append(" AND id > ").Append(arguments.Add(afterId));
        }

        if (filter.BeforeId is { } beforeId)
        {
            where.Append(" AND id < ").Append(arguments.Add(beforeId));
        }

        return where.ToString();
    }

    private static string OrderAndPage(EventFilter filter, SqlArguments arguments) =>
        $"ORDER BY id {(filter.Order == SortOrder.Ascending ? "ASC" : "DESC")} " +
        $"LIMIT {arguments.Add((long)filter.Limit + 1)} OFFSET {arguments.Add((long)filter.Offset)}";

    /// <summary>Old events a retention pass may delete.</summary>
    public static string Expired(RetentionCriteria criteria, SqlDialect dialect, SqlArguments arguments)
    {
        var where = new StringBuilder("\"timestamp\" < ").Append(arguments.Add(dialect.Time(criteria.OlderThan)));
        if (criteria.TenantId is { } tenantId)
        {
            where.Append(" AND tenant_id = ").Append(arguments.Add(tenantId));
        }

        if (criteria.Severities is { } severities)
        {
            where.Append(" AND ").Append(dialect.AnyOf("severity", severities.Select(WireNames.Of).ToList(), arguments));
        }

        if (criteria.Categories is { } categories)
        {
            where.Append(" AND ").Append(dialect.AnyOf("category", categories, arguments));
        }

        if (criteria.ExcludedCategories is { Count: > 0 } excluded)
        {
            where.Append(" AND NOT ").Append(dialect.AnyOf("category", excluded, arguments));
        }

        if (criteria.SpareUnresolved)
        {
            // Info events are never problems, so "unresolved" only protects warning and above.
            where.Append(" AND (resolved OR severity = 'info')");
        }

        return where.ToString();
    }

    /// <summary>The severities a filter admits, or null when it admits all.</summary>
    private static List<string>? SeveritiesOf(EventFilter filter)
    {
        if (filter.Severities is null && filter.MinSeverity is null)
        {
            return null;
        }

        return Enum.GetValues<Severity>()
            .Where(s => filter.Severities is null || filter.Severities.Contains(s))
            .Where(s => filter.MinSeverity is null || s >= filter.MinSeverity)
            .Select(WireNames.Of)
            .ToList();
    }

    /// <summary>
    /// A prefix as a range (<c>column &gt;= 'whatsapp.' AND column &lt; 'whatsapp/'</c>), which both stores
    /// answer from a plain index, unlike LIKE with a parameter. Event types are ASCII, so a prefix
    /// with any other character matches nothing.
    /// </summary>
    private static string PrefixRange(string column, string prefix, SqlArguments arguments)
    {
        if (prefix.Length == 0)
        {
            return "1 = 1";
        }

        if (prefix.Any(c => c is < ' ' or >= '\u007f'))
        {
            return "1 = 0";
        }

        var upper = prefix[..^1] + (char)(prefix[^1] + 1);
        return $"{column} >= {arguments.Add(prefix)} AND {column} < {arguments.Add(upper)}";
    }
}
