using System.Globalization;

namespace OrleansEvents.Bench.Cluster;

/// <summary>
/// One line of <c>/proc/&lt;pid&gt;/stat</c> (or of a thread's, <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/stat</c>): the
/// name, the parent and the CPU the kernel has charged it, user and system, in clock ticks.
/// </summary>
public readonly record struct ProcStat(string Name, int ParentId, long Ticks)
{
    /// <summary>Parses a stat line. The name is parenthesized and may hold spaces, so fields are counted from its closing parenthesis.</summary>
    public static ProcStat Parse(string stat)
    {
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        // After the name: state (3rd field), ppid (4th) … utime (14th), stime (15th).
        var fields = stat[(close + 2)..].Split(' ');
        return new ProcStat(
            stat[(open + 1)..close],
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }

    /// <summary>The stat of process <paramref name="processId"/>, or null when it has ended (or never was).</summary>
    public static ProcStat? Of(int processId)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{processId}/stat"));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Every process now running, by id.</summary>
    public static IEnumerable<(int ProcessId, ProcStat Stat)> All()
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var processId) && Of(processId) is { } stat)
            {
                yield return (processId, stat);
            }
        }
    }

    /// <summary>/proc counts in clock ticks of 1/100 s (USER_HZ) on Linux.</summary>
    public static TimeSpan ToTime(long ticks) => TimeSpan.FromMilliseconds(ticks * 10);

    public TimeSpan Time => ToTime(Ticks);
}
