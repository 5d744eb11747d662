namespace OrleansEvents.Bench.Load;

/// <summary>
/// One row of the load bench: who appends (<see cref="Method"/>), to how many streams, how many requests
/// in flight, how many events per request; with a rate, an open loop at that many requests per second.
/// </summary>
public sealed record LoadRow(string Method, int Streams, int Concurrency, int Batch, double? RequestsPerSecond = null)
{
    public const string Http = "orleansevents http";
    public const string InProcess = "orleansevents in-process";
    public const string HttpSqlite = "orleansevents http sqlite";
    public const string HttpFloor = "http GET /api/me";
    public const string HandWrittenHttp = "hand-written http";
    public const string InProcessHalfRate = "orleansevents in-process at half rate";
    public const string Copy = "binary copy";
    public const string Insert = "single insert";
    public const string InsertHalfRate = "single insert at half rate";

    /// <summary>The lead ids of the row's streams, <c>s-0</c> … (<c>lead/s-0</c> …); every row has a database of its own.</summary>
    public const string StreamPrefix = "s";

    /// <summary>The row's streams as a LIKE pattern.</summary>
    public const string StreamsLike = "lead/" + StreamPrefix + "-%";

    public static string[] Leads(int streams, string prefix = StreamPrefix) => [.. Enumerable.Range(0, streams).Select(i => $"{prefix}-{i}")];

    public bool Is(string method, int streams, int concurrency, int batch) =>
        Method == method && Streams == streams && Concurrency == concurrency && Batch == batch;

    public override string ToString() => $"{Method}, {Streams:N0} streams, concurrency {Concurrency}, batch {Batch}";
}
