namespace OrleansEvents.Queries;

/// <summary>Order of a query by id (the global log position).</summary>
public enum SortOrder
{
    Descending,
    Ascending,
}
