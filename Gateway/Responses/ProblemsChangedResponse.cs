namespace OrleansEvents.Gateway.Responses;

/// <summary>The hub's <c>problemsChanged</c>: the group as it is now, or null once none of its events is open.</summary>
public sealed record ProblemsChangedResponse(string Fingerprint, ProblemGroupResponse? Group);
