namespace OrleansEvents.Bench.Load;

/// <summary>
/// Cores a row used (CPU seconds ÷ wall seconds): the load's client, the server that appends (the silo
/// process, or this process for in-process rows, whose client is then 0) and PostgreSQL's processes.
/// </summary>
public sealed record CpuCores(double Client, double Server, double Other);
