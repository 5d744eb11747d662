namespace OrleansEvents.Bench;

/// <summary>The kernel's 1, 5 and 15 minute load averages, printed beside figures measured on a shared machine.</summary>
public static class MachineLoad
{
    public static string Average() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
