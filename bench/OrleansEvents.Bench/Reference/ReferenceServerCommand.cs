using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace OrleansEvents.Bench.Reference;

/// <summary>
/// The floor under the product's HTTP append, as a team would write it by hand: Kestrel, one
/// <c>POST /api/events</c> that reads an event's fields and answers after its commit, and a
/// <see cref="GroupCommitWriter"/> into the product's schema. No authentication, validation, grains,
/// problem groups or live log. The load bench runs it in a process of its own, like the silo.
/// </summary>
public static class ReferenceServerCommand
{
    public const string Name = "reference-server";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (!options.TryGetValue("--postgres", out var connectionString) || !options.TryGetValue("--urls", out var urls))
        {
            Console.Error.WriteLine($"usage: {Name} --postgres \"Host=...;Database=...\" --urls http://127.0.0.1:PORT   (started by the load bench, on a migrated database)");
            return 2;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var writer = new GroupCommitWriter(dataSource);
        app.MapGet("/health/ready", () => Results.Ok());
        app.MapPost("/api/events", async (HttpRequest request) =>
        {
            SentEvent? sent;
            try
            {
                sent = await JsonSerializer.DeserializeAsync(request.Body, ReferenceJson.Default.SentEvent, request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (sent is not { EventType.Length: > 0, LeadId.Length: > 0 })
            {
                return Results.BadRequest();
            }

            var stored = await writer.AppendAsync(sent, "lead/" + sent.LeadId);
            return Results.Json(stored, ReferenceJson.Default.StoredPosition, statusCode: StatusCodes.Status201Created);
        });
        await app.RunAsync();
        return 0;
    }
}
