using System.Text.Json;
using OrleansEvents.Events;
using OrleansEvents.Queries;
using OrleansEvents.Validation;

namespace OrleansEvents.Tests.Validation;

public sealed class EventValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("info", Severity.Info)]
    [InlineData("INFO", Severity.Info)]
    [InlineData("Warn", Severity.Warning)]
    [InlineData("WARNING", Severity.Warning)]
    [InlineData("error", Severity.Error)]
    [InlineData("ERROR", Severity.Error)]
    [InlineData("Critical", Severity.Critical)]
    public void SeverityAcceptsItsAliasesInAnyCase(string text, Severity expected)
    {
        Assert.Equal(expected, EventValidator.Normalize(New(severity: text), Now).Severity);
    }

    [Fact]
    public void MissingSeverityMeansInfoAndMissingCategoryIsTheTypesFirstWord()
    {
        var normalized = EventValidator.Normalize(new NewEvent { EventType = "deployment.finished" }, Now);

        Assert.Equal(Severity.Info, normalized.Severity);
        Assert.Equal("deployment", normalized.Category);
        Assert.Equal(string.Empty, normalized.Message);
        Assert.Equal(Now, normalized.Timestamp);
        Assert.Equal(StreamId.System("deployment"), normalized.Stream);
        Assert.True(Guid.TryParse(normalized.EventId, out _));
    }

    public static TheoryData<NewEvent> RoutedEvents => new(
        new NewEvent { EventType = "deployment.finished" },
        new NewEvent { EventType = "a.b", Category = "billing" },
        new NewEvent { EventType = "a.b", Category = "  " },
        new NewEvent { EventType = new string('x', 80) },
        new NewEvent { EventType = "a.b", LeadId = "l1", DeviceId = "d1" },
        new NewEvent { EventType = "a.b", SessionId = "s1", LeadId = "l1" },
        new NewEvent { EventType = "a.b", SessionId = " ", LeadId = "l1" },
        new NewEvent { EventType = "a.b", DeviceId = "d/1", WorkflowId = "w1" },
        new NewEvent { EventType = "a.b", WorkflowId = "w1" },
        new NewEvent { EventType = "a.b", Stream = "workflow/w2", LeadId = "l1" });

    [Theory]
    [MemberData(nameof(RoutedEvents))]
    public void AValidEventRoutesAsSentToTheStreamValidationGivesIt(NewEvent sent)
    {
        Assert.True(EventValidator.TryRoute(sent, out var stream));
        Assert.Equal(EventValidator.Normalize(sent, Now).Stream, stream);
    }

    public static TheoryData<NewEvent> UnroutableEvents => new(
        new NewEvent { EventType = "" },
        new NewEvent { EventType = "a.b", Stream = "nokind/x" },
        new NewEvent { EventType = "a.b", Stream = "lead/" },
        new NewEvent { EventType = "a.b", LeadId = "l\n" },
        new NewEvent { EventType = "a.b", Category = "abc\n" },
        new NewEvent { EventType = "ab\n" });

    [Theory]
    [MemberData(nameof(UnroutableEvents))]
    public void AnEventWhoseRoutingFieldsMakeNoStreamDoesNotRouteAndIsInvalid(NewEvent sent)
    {
        Assert.False(EventValidator.TryRoute(sent, out _));
        Assert.NotEmpty(EventValidator.Validate(sent));
    }

    [Fact]
    public void EveryBrokenRuleIsReportedAtOnce()
    {
        var errors = EventValidator.Validate(new NewEvent
        {
            EventType = "Bad Type",
            Severity = "fatal",
            Category = "Not-A-Word",
            Stream = "planet/earth",
            EventId = new string('x', 256),
            Source = new string('s', 101),
            LeadId = new string('l', 256),
            Message = new string('m', 8193),
            Context = JsonDocument.Parse("[1]").RootElement,
        });

        Assert.Equal(
            ["category", "context", "event_id", "event_type", "lead_id", "message", "severity", "source", "stream"],
            errors.Select(e => e.Field).Order());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
    }

    [Theory]
    [InlineData("whatsapp.send_failed", true)]
    [InlineData("deployment", true)]
    [InlineData("a.b.c_1.d2", true)]
    [InlineData("WhatsApp.failed", false)]
    [InlineData("whatsapp..failed", false)]
    [InlineData(".leading", false)]
    [InlineData("trailing.", false)]
    [InlineData("has space", false)]
    [InlineData("dash-ed", false)]
    [InlineData("", false)]
    public void EventTypeMustBeDottedLowercaseWords(string eventType, bool valid)
    {
        Assert.Equal(valid, EventValidator.Validate(New(eventType)).All(e => e.Field != "event_type"));
    }

    [Fact]
    public void EventTypeLongerThanAHundredCharactersIsRejected()
    {
        Assert.Contains(EventValidator.Validate(New(new string('a', 101))), e => e.Field == "event_type");
        Assert.Empty(EventValidator.Validate(New(new string('a', 100))));
    }

    [Fact]
    public void MessageLimitCountsUtf8Bytes()
    {
        Assert.Empty(EventValidator.Validate(New(message: new string('é', 4096))));
        Assert.Contains(EventValidator.Validate(New(message: new string('é', 4097))), e => e.Field == "message");
    }

    [Theory]
    [InlineData("\"just a string\"", "must be a JSON object")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("42", "must be a JSON object")]
    [InlineData("{\"a\":\"\\u0000\"}", "U+0000")]
    [InlineData("{\"a\":\"\\ud800\"}", "surrogates")]
    [InlineData("{\"k\\u0000\":1}", "U+0000")]
    [InlineData("{\"a\":[\"ok\",{\"b\":\"x\\udc00y\"}]}", "surrogates")]
    [InlineData("{\"a\":\"\\u00e9\",\"b\":\"\\u0000\"}", "U+0000")]
    public void ContextMustBeAnObjectOfStorableText(string json, string rule)
    {
        var error = Assert.Single(EventValidator.Validate(New(context: json)));

        Assert.Equal("context", error.Field);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContextTextThatIsNotUtf8IsRejected()
    {
        byte[] json = [.. "{\"a\":\"x"u8, 0xFF, .. "\",\"b\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        var error = Assert.Single(EventValidator.Validate(new NewEvent { EventType = "x.y", Context = JsonDocument.Parse(json).RootElement }));

        Assert.Equal("context", error.Field);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContextNestingIsBounded()
    {
        string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1);

        Assert.Empty(EventValidator.Validate(New(context: Nested(EventLimits.MaxContextDepth))));
        Assert.Contains("nest", Assert.Single(EventValidator.Validate(New(context: Nested(EventLimits.MaxContextDepth + 1)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BracketsInsideContextTextDoNotCountAsNesting()
    {
        var brackets = new string('{', EventLimits.MaxContextDepth + 1) + new string('[', EventLimits.MaxContextDepth + 1);
        var sent = $$"""{"quoted":"\"{{brackets}}","plain":"{{brackets}}"}""";

        Assert.Empty(EventValidator.Validate(New(context: sent)));
    }

    [Fact]
    public void ContextOverSixtyFourKibibytesIsRejected()
    {
        var big = JsonSerializer.Serialize(new { blob = new string('x', EventLimits.MaxContextBytes) });

        Assert.Equal("context", Assert.Single(EventValidator.Validate(New(context: big))).Field);
    }

    [Fact]
    public void CompactContextIsKeptExactlyAsTheJsonWriterWouldWriteIt()
    {
        var printable = new string(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not '"' and not '\\').ToArray());
        var sent = $$$"""{"{{{printable}}}":"{{{printable}}}","numbers":[0,-0,1.50,-2.5e-3,1E+5,12345678901234567890],"flags":[true,false,null],"nested":{"a":[{},[]]}}""";

        Assert.Equal(WrittenCompact(sent), EventValidator.Normalize(New(context: sent), Now).ContextJson);
    }

    [Theory]
    [InlineData("{ \"a\" : [1, 2],\n \"b\": {} }", "{\"a\":[1,2],\"b\":{}}")]
    [InlineData("{\"caf\\u00e9\":\"\\u00e9t\\u00e9\"}", "{\"café\":\"été\"}")]
    [InlineData("{\"emoji\":\"\U0001F600\",\"tab\":\"a\\tb\"}", null)]
    [InlineData("{\"delete\":\"\u007f\",\"separator\":\"\u2028\",\"bom\":\"\ufeff\",\"soft_hyphen\":\"\u00ad\"}", null)]
    public void ContextIsCompactedWhenSentWithSpacesEscapesOrNonAscii(string sent, string? expected)
    {
        Assert.Equal(expected ?? WrittenCompact(sent), EventValidator.Normalize(New(context: sent), Now).ContextJson);
    }

    private static string WrittenCompact(string json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            JsonDocument.Parse(json).RootElement.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void NullContextIsNoContext()
    {
        Assert.Null(EventValidator.Normalize(New(context: "null"), Now).ContextJson);
    }

    [Fact]
    public void TextWithNulIsRejectedBecauseNoStoreKeepsItVerbatim()
    {
        Assert.Equal("message", Assert.Single(EventValidator.Validate(New(message: "a\0b"))).Field);
    }

    [Fact]
    public void BlankCorrelationIdsCountAsAbsent()
    {
        var normalized = EventValidator.Normalize(new NewEvent { EventType = "x.y", LeadId = " ", SessionId = "", Category = "ops" }, Now);

        Assert.Null(normalized.LeadId);
        Assert.Null(normalized.SessionId);
        Assert.Equal(StreamId.System("ops"), normalized.Stream);
    }

    [Fact]
    public void BatchErrorsNameTheirIndex()
    {
        var failure = Assert.Throws<EventValidationException>(() => EventValidator.Normalize([New(), New("BAD"), New(severity: "nope")], Now));

        Assert.Equal(["[1].event_type", "[2].severity"], failure.Errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void BatchSizeIsOneToAThousand(int size)
    {
        var failure = Assert.Throws<EventValidationException>(() => EventValidator.Normalize(Enumerable.Repeat(New(), size).ToList(), Now));

        Assert.Equal("events", Assert.Single(failure.Errors).Field);
    }

    [Fact]
    public void TimestampsKeepMicrosecondsInUtc()
    {
        var local = new DateTimeOffset(2026, 1, 1, 10, 0, 0, TimeSpan.FromHours(-5)).AddTicks(19);

        var stored = EventValidator.Normalize(New() with { Timestamp = local }, Now).Timestamp;

        Assert.Equal(TimeSpan.Zero, stored.Offset);
        Assert.Equal(local.UtcTicks - 9, stored.UtcTicks);
    }

    [Fact]
    public void FilterRulesAreReportedTogether()
    {
        var errors = EventValidator.Validate(new EventFilter
        {
            Limit = 0,
            Offset = -1,
            Since = Now,
            Until = Now.AddDays(-1),
            EventType = "Bad",
            AfterId = -5,
            Text = new string('q', 201),
        });

        Assert.Equal(["after_id", "event_type", "limit", "offset", "q", "since"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void DefaultFilterIsValidAndPagesAHundredNewestFirst()
    {
        var filter = new EventFilter();

        Assert.Empty(EventValidator.Validate(filter));
        Assert.Equal(100, filter.Limit);
        Assert.Equal(SortOrder.Descending, filter.Order);
    }

    [Fact]
    public void UpdateMustChangeSomething()
    {
        var failure = Assert.Throws<EventValidationException>(() => EventValidator.Normalize(new EventUpdate()));

        Assert.Equal("body", Assert.Single(failure.Errors).Field);
    }

    [Fact]
    public void ResolutionNoteIsBounded()
    {
        Assert.Throws<EventValidationException>(() => EventValidator.EnsureValid(new Resolution(ResolvedBy.Human, new string('n', 2001))));
        EventValidator.EnsureValid(new Resolution(ResolvedBy.Human, new string('n', 2000)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("semi;colon")]
    public void TenantIdsAreShortPlainWords(string tenant)
    {
        Assert.Throws<EventValidationException>(() => EventValidator.EnsureValidTenant(tenant));
    }

    private static NewEvent New(string eventType = "test.happened", string? severity = "info", string? message = "m", string? context = null) => new()
    {
        EventType = eventType,
        Severity = severity,
        Message = message,
        Context = context is null ? null : JsonDocument.Parse(context).RootElement.Clone(),
    };
}
