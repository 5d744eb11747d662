using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Gateway.Auth;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Validation;

/// <summary>The rules that keep text a store would refuse or alter from ever reaching it.</summary>
public sealed class InputRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("a.b\n")]
    [InlineData("ab\n")]
    [InlineData("a.b\r\n")]
    [InlineData("a.b ")]
    [InlineData("\na.b")]
    public void AnEventTypeEndingInANewlineIsRefused(string eventType)
    {
        Assert.Equal(["event_type"], Fields(new NewEvent { EventType = eventType }));
    }

    [Theory]
    [InlineData("abc\n")]
    [InlineData("\n")]
    [InlineData("abc\u0000")]
    public void ACategoryWithAControlCharacterIsRefusedNotTakenAsAbsent(string category)
    {
        Assert.Equal(["category"], Fields(new NewEvent { EventType = "a.b", Category = category }));
    }

    [Theory]
    [InlineData("\t")]
    [InlineData("x\n")]
    [InlineData("x\u007f")]
    [InlineData("x\u0085")]
    [InlineData("x\u009f")]
    public void EveryCorrelationIdRefusesControlCharactersAlike(string id)
    {
        var e = new NewEvent { EventType = "a.b", LeadId = id, SessionId = id, DeviceId = id, AccountId = id, WorkflowId = id, EventId = id, Source = id };

        Assert.Equal(["account_id", "device_id", "event_id", "lead_id", "session_id", "source", "workflow_id"], Fields(e).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("   ")]
    [InlineData("")]
    public void BlankIdsStillMeanNone(string id)
    {
        var normalized = EventValidator.Normalize(new NewEvent { EventType = "a.b", LeadId = id, AccountId = id }, Now);

        Assert.Null(normalized.LeadId);
        Assert.Null(normalized.AccountId);
    }

    [Theory]
    [InlineData(" error")]
    [InlineData("error ")]
    [InlineData("error\n")]
    [InlineData("\terror")]
    public void SeverityWithSurroundingWhitespaceIsRefused(string severity)
    {
        Assert.Equal(["severity"], Fields(new NewEvent { EventType = "a.b", Severity = severity }));
    }

    [Theory]
    [InlineData("""{"n":1e308}""", true)]
    [InlineData("""{"n":-1.5E-308}""", true)]
    [InlineData("""{"n":1e0308}""", true)]
    [InlineData("""{"n":123456789012345678901234567890}""", true)]
    [InlineData("""{"n":1e309}""", false)]
    [InlineData("""{"n":1E+400}""", false)]
    [InlineData("""{"n":[1,2,1e-16384]}""", false)]
    [InlineData("""{"deep":{"n":1e99999}}""", false)]
    public void ContextNumbersStayWithinWhatPostgresNumericHolds(string context, bool valid)
    {
        var errors = EventValidator.Validate(new NewEvent { EventType = "a.b", Context = JsonDocument.Parse(context).RootElement.Clone() });

        Assert.Equal(valid ? [] : ["context"], errors.Select(e => e.Field));
    }

    [Fact]
    public void AContextNumberOfMoreThanAHundredCharactersIsRefused()
    {
        var context = JsonDocument.Parse($$"""{"n":{{new string('7', 101)}}}""").RootElement.Clone();

        Assert.Equal(["context"], EventValidator.Validate(new NewEvent { EventType = "a.b", Context = context }).Select(e => e.Field));
    }

    [Fact]
    public void AFilterForAValueNoEventCanHoldIsRefused()
    {
        var filter = new EventFilter { AccountId = "a\n", Source = "s\t", Category = "abc\n", EventType = "a.b\n", ResolvedByKey = "k\n" };

        Assert.Equal(["account_id", "category", "event_type", "resolved_by_key", "source"],
            EventValidator.Validate(filter).Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AResolutionNamesItsKeyWithinTheRulesOfANameLine()
    {
        EventValidator.EnsureValid(new Resolution(ResolvedBy.Human, "fine", "support"));

        var invalid = Assert.Throws<EventValidationException>(() => EventValidator.EnsureValid(new Resolution(ResolvedBy.Human, null, "bad\nname")));
        Assert.Equal("resolved_by_key", Assert.Single(invalid.Errors).Field);
    }

    [Fact]
    public void KeysWithoutANameAreNamedByTheirIndex()
    {
        Assert.Equal("key-0", new ApiKeyOptions().NameAt(0));
        Assert.Equal("key-12", new ApiKeyOptions().NameAt(12));
        Assert.Equal("support", new ApiKeyOptions { Name = "support" }.NameAt(3));
    }

    [Theory]
    [InlineData("", "Name must be")]
    [InlineData(" ops", "Name must be")]
    [InlineData("ops\n", "Name must be")]
    [InlineData("key-0", "already the name of Auth:ApiKeys:0")]
    public void AKeyNameMustSayWhichKeyItIs(string secondName, string failure)
    {
        var options = new AuthOptions
        {
            ApiKeys = [new ApiKeyOptions { Key = "first-key-0123456789" }, new ApiKeyOptions { Key = "second-key-0123456789", Name = secondName }],
        };

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, message => message.StartsWith("Auth:ApiKeys:1:", StringComparison.Ordinal) && message.Contains(failure, StringComparison.Ordinal));
    }

    private static List<string> Fields(NewEvent e) => EventValidator.Validate(e).Select(error => error.Field).ToList();
}
