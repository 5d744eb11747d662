using OrleansEvents.Gateway.Requests;

namespace OrleansEvents.Tests.Gateway;

public sealed class TimeExpressionTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("now", 0)]
    [InlineData("90s", 90)]
    [InlineData("15m", 15 * 60)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("7d", 7 * 86400)]
    [InlineData("0m", 0)]
    [InlineData("36500d", 36500L * 86400)]
    public void DurationsCountBackFromNow(string text, long secondsAgo)
    {
        Assert.True(TimeExpression.TryParse(text, Now, out var value));
        Assert.Equal(Now.AddSeconds(-secondsAgo), value);
    }

    [Fact]
    public void Rfc3339StaysAsItWas()
    {
        Assert.True(TimeExpression.TryParse("2026-02-01T01:00:00.5+01:00", Now, out var value));
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, 500, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("NOW")]
    [InlineData(" now")]
    [InlineData("15M")]
    [InlineData("15 m")]
    [InlineData("+15m")]
    [InlineData("-15m")]
    [InlineData("1.5h")]
    [InlineData("15")]
    [InlineData("m")]
    [InlineData("2w")]
    [InlineData("36501d")]
    [InlineData("999999999999999d")]
    [InlineData("１５m")]
    [InlineData("15m\n")]
    [InlineData("2026-02-01T00:00:00Z\n")]
    public void AnythingElseIsRefused(string text)
    {
        Assert.False(TimeExpression.TryParse(text, Now, out _));
    }
}
