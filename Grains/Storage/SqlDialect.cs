using OrleansEvents.Queries;
namespace OrleansEvents.Storage;

/// <summary>Where the two stores' SQL differs in what the shared query text needs.</summary>
internal abstract class SqlDialect
{
    /// <summary>A time as the store keeps it.</summary>
    public abstract object Time(DateTimeOffset value);

    /// <summary>A time read back from an aggregate (such as max), where no column type guides the driver.</summary>
    public abstract DateTimeOffset ReadTime(object value);

    /// <summary>
    /// <paramref name="column"/> equals one of <paramref name="values"/> (never true for none). One value is
    /// a plain equality: an index on (…, column, id) then still yields rows in id order, which PostgreSQL
    /// does not see through <c>= ANY</c>.
    /// </summary>
    public string AnyOf<T>(string column, IReadOnlyCollection<T> values, SqlArguments arguments)
        where T : notnull => values.Count switch
        {
            0 => "1 = 0",
            1 => $"{column} = {arguments.Add(values.First())}",
            _ => AnyOfSome(column, values, arguments),
        };

    /// <summary>A transaction id as a parameter value.</summary>
    public abstract object TransactionId(ulong value);

    /// <summary>A transaction id placeholder as the transaction_id column compares to it.</summary>
    public abstract string TransactionIdParameter(string placeholder);

    /// <summary>
    /// The extra condition that keeps a log reader behind every transaction still running, so no
    /// event can commit behind the reader's back; empty where commits already happen in id order.
    /// </summary>
    public abstract string OnlySettledTransactions { get; }

    /// <summary>Whole hours from <paramref name="startPlaceholder"/> (a <see cref="Time"/> value) to <paramref name="column"/>, rounded down.</summary>
    public abstract string HoursSince(string column, string startPlaceholder);

    /// <summary>The member <paramref name="keyPlaceholder"/> of the JSON object in <paramref name="column"/>, as JSON text; null when absent.</summary>
    public abstract string JsonMemberText(string column, string keyPlaceholder);

    /// <summary>A JSON text parameter as the context column takes it.</summary>
    public abstract string Json(string placeholder);

    /// <summary>One row, as <see cref="LogBounds"/>: the next transaction id, and the highest id the events table ever assigned (its sequence, not its newest row).</summary>
    public abstract string LogBoundsSql { get; }

    protected abstract string AnyOfSome<T>(string column, IReadOnlyCollection<T> values, SqlArguments arguments)
        where T : notnull;

    /// <summary>The event holds <paramref name="q"/> as <see cref="TextSearch"/> reads it, in a form the store's text index answers.</summary>
    public abstract string Search(string q, SqlArguments arguments);

    /// <summary>The same condition as <see cref="Search"/>, in a form no index answers: checked on each row the query reads.</summary>
    public abstract string SearchRowByRow(string q, SqlArguments arguments);

    /// <summary>
    /// What ends a subquery so that the store plans it on its own, for all its rows: the outer query's
    /// order then cannot lead the planner to walk ids instead of asking the text index.
    /// </summary>
    public abstract string Fence { get; }

    /// <summary>Whether a page of q is first looked for row by row among the ids at the page's start (RelationalEventLog.Search).</summary>
    public abstract bool WalksBeforeTextIndex { get; }

    /// <summary>The event's context member <paramref name="key"/> has <paramref name="value"/>, as <see cref="ContextValueRule"/> compares them.</summary>
    public abstract string ContextEquals(string key, string value, SqlArguments arguments);
}
