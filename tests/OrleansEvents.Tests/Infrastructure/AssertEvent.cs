using System.Text.Json;
using OrleansEvents.Events;

namespace OrleansEvents.Tests.Infrastructure;

/// <summary>Compares stored events field by field, context included (JsonElement has no value equality).</summary>
public static class AssertEvent
{
    public static void Same(StoredEvent? expected, StoredEvent? actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
