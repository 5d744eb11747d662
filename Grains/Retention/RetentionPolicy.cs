using OrleansEvents.Events;
using OrleansEvents.Queries;

namespace OrleansEvents.Retention;

/// <summary>
/// Turns the retention settings into the deletions to make: each category with days of its own,
/// then each severity with days of its own (outside those categories), then everything else by the
/// default. Zero days means keep forever, so it yields no deletion.
/// </summary>
public static class RetentionPolicy
{
    public static IReadOnlyList<RetentionCriteria> Criteria(RetentionOptions options, DateTimeOffset now)
    {
        var criteria = new List<RetentionCriteria>();
        var categories = options.CategoryDays.Keys.ToList();
        var severities = options.SeverityDays.Keys.ToList();
        RetentionCriteria Base(int days) => new()
        {
            OlderThan = now.AddDays(-days),
            SpareUnresolved = !options.DeleteUnresolved,
            BatchSize = options.BatchSize,
        };

        foreach (var (category, days) in options.CategoryDays.Where(c => c.Value > 0))
        {
            criteria.Add(Base(days) with { Categories = [category] });
        }

        foreach (var (severity, days) in options.SeverityDays.Where(s => s.Value > 0))
        {
            criteria.Add(Base(days) with { Severities = [severity], ExcludedCategories = categories });
        }

        if (options.Days > 0)
        {
            criteria.Add(Base(options.Days) with
            {
                Severities = Enum.GetValues<Severity>().Except(severities).ToList(),
                ExcludedCategories = categories,
            });
        }

        return criteria;
    }
}
