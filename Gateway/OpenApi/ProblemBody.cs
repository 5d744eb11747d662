namespace OrleansEvents.Gateway.OpenApi;

/// <summary>
/// The body of every error answer (<c>application/problem+json</c>, RFC 9457) as the gateway writes
/// it (documentation of <see cref="Problems.GatewayProblems"/> and the framework's own problems):
/// <c>title</c>, <c>status</c> and <c>trace_id</c> always, the other members where they apply.
/// </summary>
public sealed record ProblemBody
{
    /// <summary>A URI naming the kind of problem (the status's section of RFC 9110, or RFC 6585 for 429).</summary>
    public string? Type { get; init; }

    /// <summary>The kind of problem, e.g. "The request breaks a rule".</summary>
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public required int Status { get; init; }

    /// <summary>What is wrong with this request, naming the field and the rule.</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// 400: each broken rule under its field: a body or query field (<c>limit</c>), a field of the
    /// n-th posted event (<c>[3].severity</c>), or <c>body</c>, <c>events</c>, <c>filter</c> for the request as a whole.
    /// </summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>413 and 415: the part of the request at fault (<c>body</c>, <c>Content-Type</c>).</summary>
    public string? Field { get; init; }

    /// <summary>413: the largest body accepted, in bytes (<c>Gateway:MaxRequestBodyBytes</c>).</summary>
    public long? Limit { get; init; }

    /// <summary>403: the role the operation needs (write or admin).</summary>
    public string? RequiredRole { get; init; }

    /// <summary>409 of a conditional append: the stream, kind/key.</summary>
    public string? Stream { get; init; }

    /// <summary>409 of a conditional append: the version the request expected (expected_version or If-Match).</summary>
    public long? ExpectedVersion { get; init; }

    /// <summary>409 of a conditional append: the version the stream is at; nothing was stored.</summary>
    public long? ActualVersion { get; init; }

    /// <summary>The request's W3C trace id, to find it in the logs.</summary>
    public required string TraceId { get; init; }
}
