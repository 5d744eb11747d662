using System.Globalization;

namespace OrleansEvents.ClusterTests.Infrastructure;

/// <summary>Which loopback ports a process holds established TCP connections to, read from /proc (Linux).</summary>
public static class TcpConnections
{
    private const string Established = "01";

    public static IReadOnlySet<int> RemotePortsOf(int processId)
    {
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
        {
            if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                sockets.Add(target["socket:[".Length..^1]);
            }
        }

        var ports = new HashSet<int>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            foreach (var columns in File.ReadLines(table).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (columns.Length > 9 && columns[3] == Established && sockets.Contains(columns[9]))
                {
                    ports.Add(int.Parse(columns[2].Split(':')[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                }
            }
        }

        return ports;
    }
}
