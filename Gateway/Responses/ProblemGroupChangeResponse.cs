using System.Text.Json.Serialization;

namespace OrleansEvents.Gateway.Responses;

/// <summary>
/// What resolving (or reopening) a group did: how many events it <c>resolved</c> (or <c>unresolved</c>),
/// in how many <c>streams</c>.
/// </summary>
public sealed record ProblemGroupChangeResponse(
    string Fingerprint,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Resolved,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Unresolved,
    int Streams);
