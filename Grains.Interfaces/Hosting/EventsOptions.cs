using System.ComponentModel.DataAnnotations;
using OrleansEvents.Events;

namespace OrleansEvents.Hosting;

/// <summary>How the event grains behave. Section <c>Events</c>.</summary>
public sealed class EventsOptions
{
    public const string SectionName = "Events";

    /// <summary>The tenant that owns the silo's own events (<c>system/silo</c>, retention runs, replays). Default <c>default</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.:-]{1,100}$")]
    public string SystemTenant { get; set; } = "default";

    /// <summary>Events of this severity and above are open problems until resolved. Default warning; info events never are.</summary>
    [EnumDataType(typeof(Severity))]
    public Severity ProblemSeverity { get; set; } = Severity.Warning;

    /// <summary>How many of its newest open problems a stream grain keeps in memory. Default 200.</summary>
    [Range(1, 100_000)]
    public int OpenProblemsKept { get; set; } = 200;
}
