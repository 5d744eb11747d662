namespace OrleansEvents.Gateway.Responses;

/// <summary>One UTC hour of a problem group's sparkline: when it starts and how many of the group's open events happened in it.</summary>
public sealed record ProblemHourResponse(DateTimeOffset Hour, long Count);
