namespace OrleansEvents.Bench.Append;

/// <summary>This process's garbage collections so far, so each run can say what the collector cost it.</summary>
public readonly record struct GcSnapshot(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcSnapshot Take() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static string operator -(GcSnapshot after, GcSnapshot before) =>
        $"GCs in this process: {after.Gen0 - before.Gen0}/{after.Gen1 - before.Gen1}/{after.Gen2 - before.Gen2} (gen 0/1/2), paused {(after.Paused - before.Paused).TotalMilliseconds:0} ms, allocated {(after.Allocated - before.Allocated) / 1e6:0} MB";
}
