namespace OrleansEvents.Storage.Postgres;

/// <summary>An append versioned from callers' hints met a stream that had moved on; it is rolled back and written again the careful way.</summary>
internal sealed class StaleHintsException(Exception? innerException = null)
    : Exception("A stream head hint was stale; the append is written again after reading the heads.", innerException);
