using System.Text.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Bench.Append;

/// <summary>The benchmark's event: what a service typically sends, with about 300 bytes of context.</summary>
public static class SampleEvents
{
    public static readonly string ContextJson = JsonSerializer.Serialize(new
    {
        message_id = "wamid.HBgLNDkxNzYxMjM0NTY3FQIAERgSQzVGRjA4RDk0QkI5RjM2QjM1AA==",
        template = "appointment_reminder_v3",
        phone = "+49 176 1234567",
        attempt = 2,
        provider = "meta_cloud_api",
        error_code = 131026,
        error_title = "Message undeliverable",
        campaign = "spring-follow-up",
        account_id = "acct-7781",
    });

    private static readonly JsonElement Context = JsonDocument.Parse(ContextJson).RootElement.Clone();

    public static NewEvent For(string leadId) => new()
    {
        EventType = "whatsapp.send_failed",
        Severity = "warning",
        Message = "WhatsApp message could not be delivered",
        Source = "backend",
        LeadId = leadId,
        Context = Context,
    };
}
