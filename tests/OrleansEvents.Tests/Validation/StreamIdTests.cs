using OrleansEvents.Events;

namespace OrleansEvents.Tests.Validation;

public sealed class StreamIdTests
{
    [Theory]
    [InlineData("session/abc", StreamKind.Session, "abc")]
    [InlineData("lead/123", StreamKind.Lead, "123")]
    [InlineData("device/dev-9", StreamKind.Device, "dev-9")]
    [InlineData("workflow/wf/with/slashes", StreamKind.Workflow, "wf/with/slashes")]
    [InlineData("system/scheduler", StreamKind.System, "scheduler")]
    public void ParsesKindAndKeyAndFormatsBack(string text, StreamKind kind, string key)
    {
        var id = StreamId.Parse(text);

        Assert.Equal(kind, id.Kind);
        Assert.Equal(key, id.Key);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("lead")]
    [InlineData("lead/")]
    [InlineData("/123")]
    [InlineData("Lead/123")]
    [InlineData("account/1")]
    [InlineData("lead/a\nb")]
    public void RejectsWhatIsNotKindSlashKey(string text)
    {
        Assert.False(StreamId.TryParse(text, out _));
        Assert.Throws<FormatException>(() => StreamId.Parse(text));
    }

    [Fact]
    public void KeyIsAtMost255Characters()
    {
        Assert.True(StreamId.TryParse("lead/" + new string('k', 255), out _));
        Assert.False(StreamId.TryParse("lead/" + new string('k', 256), out _));
    }

    [Theory]
    [InlineData("s", "l", "d", "w", "session/s")]
    [InlineData(null, "l", "d", "w", "lead/l")]
    [InlineData(null, null, "d", "w", "device/d")]
    [InlineData(null, null, null, "w", "workflow/w")]
    [InlineData(null, null, null, null, "system/billing")]
    public void RoutesToTheMostSpecificEntity(string? session, string? lead, string? device, string? workflow, string expected)
    {
        Assert.Equal(expected, StreamRouter.Route(session, lead, device, workflow, "billing").ToString());
    }

    [Fact]
    public void LogPositionsOrderByTransactionThenIdAndRoundTripAsText()
    {
        var early = new LogPosition(10, 500);
        var late = new LogPosition(11, 400);

        Assert.True(early < late);
        Assert.Equal(late, LogPosition.Parse(late.ToString()));
        Assert.False(LogPosition.TryParse("12", out _));
        Assert.False(LogPosition.TryParse("-1-2", out _));
    }
}
