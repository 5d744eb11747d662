namespace OrleansEvents.Tests.Infrastructure;

/// <summary>
/// The problem-group settings of the problem group fixtures: <c>model</c> splits groups, and changes are gathered
/// for long enough that a batch spread over streams is one change even on a busy test machine.
/// </summary>
public static class ProblemGroupSettings
{
    public const string FingerprintKey = "model";

    public static Dictionary<string, string?> With(Dictionary<string, string?> settings)
    {
        settings["Events:Problems:FingerprintKeys:0"] = FingerprintKey;
        settings["Events:Problems:ChangeDelay"] = "00:00:00.300";
        return settings;
    }
}
