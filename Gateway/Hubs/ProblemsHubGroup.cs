namespace OrleansEvents.Gateway.Hubs;

/// <summary>The SignalR group of a tenant's hub connections, which <c>problemsChanged</c> goes to.</summary>
public static class ProblemsHubGroup
{
    public static string Of(string tenantId) => $"problems/{tenantId}";
}
