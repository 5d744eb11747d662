using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Runtime.Hosting;

namespace OrleansEvents.Tests.Runtime.Reminders;

/// <summary>A migrated database and how to point a runtime's reminders at it.</summary>
/// <param name="Services">Registers what the reminders table needs (e.g. the data source).</param>
/// <param name="Runtime">Chooses the reminders table.</param>
public sealed record ReminderStore(Action<IServiceCollection> Services, Action<GrainRuntimeBuilder> Runtime);
