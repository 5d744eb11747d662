using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansEvents.Hosting;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>A gateway whose event clock is a fake one, for rules that count back from now (since=15m).</summary>
public abstract class ClockedGatewayFixture : GatewayFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddKeyedSingleton<TimeProvider>(EventClock.Key, Clock);
}
