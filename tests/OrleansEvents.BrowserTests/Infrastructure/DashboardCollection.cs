namespace OrleansEvents.BrowserTests.Infrastructure;

/// <summary>The dashboard tests share one silo and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
