namespace OrleansEvents.Hosting;

/// <summary>
/// Orleans' own dashboard (grains, silos, calls, reminders, the live log), co-hosted in the silo and
/// served by the gateway to admins of the system tenant. Section <c>Orleans:Dashboard</c>.
/// </summary>
public sealed class OrleansDashboardOptions
{
    public const string SectionName = "Orleans:Dashboard";

    /// <summary>
    /// Whether the silo runs the dashboard's collectors (a grain call filter, a listener on Orleans'
    /// metrics, two grains) and the gateway serves it. Default true: on the append path its cost is
    /// lost in the store's (a few microseconds of CPU per grain call against about half a
    /// millisecond per append); a silo that serves many cheap grain calls may turn it off.
    /// </summary>
    public bool Enabled { get; set; } = true;
}
