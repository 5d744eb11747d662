namespace OrleansEvents.Silo;

/// <summary>The silo's verb (run, the default, or <c>migrate</c>) and the arguments left for the host.</summary>
internal sealed record SiloCommand(bool MigrateOnly, string[] HostArguments)
{
    public const string Migrate = "migrate";

    public static SiloCommand Parse(string[] args) =>
        args is [Migrate, .. var rest] ? new SiloCommand(true, rest) : new SiloCommand(false, args);
}
