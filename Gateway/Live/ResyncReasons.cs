namespace OrleansEvents.Gateway.Live;

/// <summary>Why a subscriber is told to resync: the <c>reason</c> of a <c>resync</c> message, for the people reading it.</summary>
public static class ResyncReasons
{
    public const string FellBehind =
        "the connection fell behind: the committed events after after_cursor follow, but resolutions, edits and deletions " +
        "made meanwhile were not sent; refetch the events you show";

    public const string UnknownCursor =
        "the cursor is past the end of this store's log (was the store recreated or restored?): live events follow after " +
        "after_cursor; refetch the events you show";
}
