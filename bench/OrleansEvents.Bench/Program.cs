using OrleansEvents.Bench.Append;
using OrleansEvents.Bench.Client;
using OrleansEvents.Bench.Cluster;
using OrleansEvents.Bench.Fanout;
using OrleansEvents.Bench.Load;
using OrleansEvents.Bench.Runtime;
using OrleansEvents.Bench.Queries;
using OrleansEvents.Bench.Reference;

// Each subcommand measures one layer and prints a table; run in Release:
//   dotnet run -c Release --project bench/OrleansEvents.Bench -- runtime
//   bench/append.sh   (starts a throwaway PostgreSQL and runs the append subcommand)
//   dotnet run -c Release --project bench/OrleansEvents.Bench -- client
//   bench/queries.sh  (starts a throwaway PostgreSQL and runs the queries subcommand)
//   bench/load.sh   (starts a throwaway PostgreSQL and runs the load subcommand: HTTP and in-process appends, silo processes of its own)
//   dotnet run -c Release --project bench/OrleansEvents.Bench -- fanout-cluster   (starts a throwaway PostgreSQL and silo processes)
return args switch
{
    ["runtime", .. var rest] => await RuntimeBenchmark.RunAsync(rest),
    ["append", .. var rest] => await AppendBenchmark.RunAsync(rest),
    ["fanout", .. var rest] => await FanoutBenchmark.RunAsync(rest),
    ["fanout-cluster", .. var rest] => await FanoutClusterBenchmark.RunAsync(rest),
    [FanoutClientsCommand.Name, .. var rest] => await FanoutClientsCommand.RunAsync(rest),
    ["client", .. var rest] => await ClientBenchmark.RunAsync(rest),
    ["queries", .. var rest] => await QueryBenchmark.RunAsync(rest),
    ["load", .. var rest] => await LoadBenchmark.RunAsync(rest),
    [ClientSiloCommand.Name, .. var rest] => await ClientSiloCommand.RunAsync(rest),
    [ReferenceServerCommand.Name, .. var rest] => await ReferenceServerCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: OrleansEvents.Bench <subcommand> [options]");
    Console.Error.WriteLine("  runtime [--seconds N]   no-op grain calls/s (one grain, 10 000 grains) and memory per idle activation");
    Console.Error.WriteLine("  append --postgres CS [--seconds N] [--flushes N] [--profile 1]   append throughput and latency against naive INSERT and COPY (bench/append.sh)");
    Console.Error.WriteLine("  client [--events N] [--seconds N] [--in-flight N] [--batch N]   the .NET client's ErrorAsync loop against raw HTTP posts, one silo in its own process");
    Console.Error.WriteLine("  queries --postgres CS [--events N] [--queries N] [--only TEXT]   GET by id and every list filter over a million events, p50/p95/p99 per kind (bench/queries.sh)");
    Console.Error.WriteLine("  load --postgres CS [--events N] [--only REGEX]   HTTP (silo process) and in-process appends, COPY and INSERT: events/s, p50/p99, cores per process, bytes per event (bench/load.sh)");
    Console.Error.WriteLine("  fanout [--subscribers N] [--rate EVENTS_PER_S] [--seconds N] [--clients process|in-process]   SignalR fan-out against a bare hub");
    Console.Error.WriteLine("  fanout-cluster [--subscribers N] [--rate EVENTS_PER_S] [--seconds N] [--rounds N]   commit-to-browser latency with two silo processes against one (starts its own PostgreSQL)");
    return 2;
}

