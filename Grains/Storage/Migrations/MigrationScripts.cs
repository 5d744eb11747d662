using System.Globalization;
using System.Reflection;

namespace OrleansEvents.Storage.Migrations;

/// <summary>Reads the numbered scripts of <c>sql/{provider}/</c> that this assembly carries, in order.</summary>
public static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> For(string provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"sql/{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(script => script.Version)
            .ToList();
    }

    private static MigrationScript Load(Assembly assembly, string resource, string fileName)
    {
        var underscore = fileName.IndexOf('_');
        if (underscore <= 0 || !int.TryParse(fileName.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration script '{resource}' must be named NNN_purpose.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, fileName[(underscore + 1)..], reader.ReadToEnd());
    }
}
