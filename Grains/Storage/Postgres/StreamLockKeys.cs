using System.Security.Cryptography;
using System.Text;

namespace OrleansEvents.Storage.Postgres;

/// <summary>
/// The advisory lock keys of a batch's streams: 64 bits of SHA-256 of <c>tenant/stream</c>, sorted,
/// so every writer takes them in the same order. Two streams sharing a key only wait for each other.
/// </summary>
internal static class StreamLockKeys
{
    public static long[] For(IEnumerable<StreamKey> streams) =>
        streams.Select(Key).Distinct().Order().ToArray();

    private static long Key(StreamKey stream)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{stream.TenantId}/{stream.Stream}"), hash);
        return BitConverter.ToInt64(hash);
    }
}
