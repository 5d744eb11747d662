using System.ComponentModel.DataAnnotations;
using System.Net;

namespace OrleansEvents.Hosting;

/// <summary>How the silo joins its Orleans cluster. Section <c>Orleans</c>.</summary>
public sealed class OrleansOptions : IValidatableObject
{
    public const string SectionName = "Orleans";

    /// <summary>The cluster's id: silos and clients with the same id and membership table form one cluster. Default <c>orleans-events</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$")]
    public string ClusterId { get; set; } = "orleans-events";

    /// <summary>The service's id, which outlives clusters: reminders and grain state belong to it. Default <c>orleans-events</c>.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,100}$")]
    public string ServiceId { get; set; } = "orleans-events";

    /// <summary>Port for silo-to-silo traffic. Default 11111.</summary>
    [Range(1, 65535)]
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port Orleans clients (gateway-only processes) connect to; 0 opens none. Default 30000.</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address the silo listens on and tells the others (PostgreSQL clustering). Default 127.0.0.1:
    /// a silo is reachable from other machines only when an operator says so.
    /// </summary>
    [Required]
    public string AdvertisedIPAddress { get; set; } = "127.0.0.1";

    public IPAddress AdvertisedAddress => IPAddress.Parse(AdvertisedIPAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(AdvertisedIPAddress, out _))
        {
            yield return new ValidationResult($"Orleans:AdvertisedIPAddress '{AdvertisedIPAddress}' is not an IP address.", [nameof(AdvertisedIPAddress)]);
        }

        if (SiloPort == GatewayPort)
        {
            yield return new ValidationResult($"Orleans:SiloPort and Orleans:GatewayPort are both {SiloPort}; they need a port each.", [nameof(GatewayPort)]);
        }
    }
}
