namespace OrleansEvents.Gateway.Auth;

/// <summary>What a key may do, in increasing order: each role includes the ones below it.</summary>
public enum ApiKeyRole
{
    /// <summary>Query, export and stream events.</summary>
    Read = 0,

    /// <summary>Also append events and resolve or reopen them.</summary>
    Write = 1,

    /// <summary>Also edit, delete, replay and run retention.</summary>
    Admin = 2,
}
