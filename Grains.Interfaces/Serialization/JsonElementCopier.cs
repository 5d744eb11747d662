using System.Text.Json;
using Orleans.Serialization.Cloning;

namespace OrleansEvents.Serialization;

/// <summary>A <see cref="JsonElement"/> made by the product is a clone of its own document and never changes: a local call may share it.</summary>
[RegisterCopier]
public sealed class JsonElementCopier : IDeepCopier<JsonElement>
{
    public JsonElement DeepCopy(JsonElement input, CopyContext context) => input;
}
