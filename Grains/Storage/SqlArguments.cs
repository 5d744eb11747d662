namespace OrleansEvents.Storage;

/// <summary>Named parameter values collected while SQL text is built; each store binds them its own way.</summary>
internal sealed class SqlArguments
{
    private readonly List<KeyValuePair<string, object>> _values = [];

    public IReadOnlyList<KeyValuePair<string, object>> Values => _values;

    /// <summary>Adds a value and returns its placeholder (<c>@p3</c>).</summary>
    public string Add(object value)
    {
        var name = "@p" + _values.Count;
        _values.Add(new(name, value));
        return name;
    }
}
