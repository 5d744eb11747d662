namespace OrleansEvents.Queries;

/// <summary>Order of a query by id (the global log position).</summary>
[GenerateSerializer]
[Alias("oe.SortOrder")]
public enum SortOrder
{
    Descending,
    Ascending,
}
