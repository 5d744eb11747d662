using System.Text.Json;

namespace OrleansEvents.Tests.Gateway;

/// <summary>The SignalR hub, which the framework's own discovery does not see.</summary>
public sealed partial class GatewayOpenApiTests
{
    [Fact]
    public async Task HubIsDocumentedWithItsMethodsMessagesAndKeys()
    {
        var document = await DocumentAsync();
        var operation = Operation(document, "/hubs/events", "get");

        var description = operation.GetProperty("description").GetString()!;
        foreach (var name in new[] { "SubscribeAsync", "UnsubscribeAsync", "event", "eventResolved", "replayed", "stats", "resync", "after_cursor" })
        {
            Assert.Contains(name, description, StringComparison.Ordinal);
        }

        Assert.Equal(["101", "401"], operation.GetProperty("responses").EnumerateObject().Select(r => r.Name));
        var schemes = operation.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject()).ToList();
        Assert.Contains(schemes, s => s.Name == "AccessToken" && s.Value.EnumerateArray().Single().GetString() == "read");
        Assert.True(Schema(document, "ResyncNotice").GetProperty("properties").TryGetProperty("after_cursor", out _));
        Assert.Equal(JsonValueKind.Object, Schema(document, "SubscribeResult").ValueKind);
    }
}
