namespace OrleansEvents.Bench;

/// <summary>A subcommand's <c>--name value</c> pairs; a name given twice keeps its last value.</summary>
public static class BenchOptions
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
