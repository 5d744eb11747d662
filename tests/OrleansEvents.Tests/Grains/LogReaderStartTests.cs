using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.DependencyInjection;
using OrleansEvents.Events;
using OrleansEvents.Fanout;
using OrleansEvents.Storage;
using OrleansEvents.Tests.Infrastructure;

namespace OrleansEvents.Tests.Grains;

/// <summary>
/// The log reader publishes what commits after the position it starts from. A commit the silo accepts
/// while the reader is still asking the store where the log ends (a slow first connection) must not
/// fall before that position and go unpublished.
/// </summary>
public sealed class LogReaderStartTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ACommitRightAfterStartIsPublishedEvenWhenFindingTheLogEndIsSlow(string provider)
    {
        var appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var silo = await EventSilo.StartAsync(await EventSilo.FreshStoreAsync(provider),
            services: services => LateLogEnd.Install(services, appended.Task));

        var id = (await silo.Commands.AppendAsync("acme", [TestEvents.New(leadId: "first")]))[0].Event.Id;
        appended.SetResult();

        await silo.WaitForNotificationsAsync(seen => seen.Any(n => n.Kind == NotificationKind.Committed && n.Event.Id == id), TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// The store, except that asking where the log ends waits for the test's first append (at most a
    /// second): if the host let requests in before the reader knew its start, that append would lie behind it.
    /// </summary>
    public class LateLogEnd : DispatchProxy
    {
        private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

        private IEventLog _store = null!;
        private Task _firstAppend = Task.CompletedTask;

        public static void Install(IServiceCollection services, Task firstAppend)
        {
            var registered = services.Single(d => d.ServiceType == typeof(IEventLog));
            services.Remove(registered);
            services.AddSingleton(provider =>
            {
                var proxy = Create<IEventLog, LateLogEnd>();
                var late = (LateLogEnd)(object)proxy;
                late._store = (IEventLog)(registered.ImplementationFactory?.Invoke(provider)
                                          ?? ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!));
                late._firstAppend = firstAppend;
                return proxy;
            });
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IEventLog.GetLogEndAsync))
            {
                return AfterTheFirstAppendAsync((CancellationToken)args![0]!);
            }

            try
            {
                return targetMethod.Invoke(_store, args);
            }
            catch (TargetInvocationException thrown)
            {
                ExceptionDispatchInfo.Throw(thrown.InnerException!);
                throw;
            }
        }

        private async Task<LogPosition> AfterTheFirstAppendAsync(CancellationToken cancellationToken)
        {
            await Task.WhenAny(_firstAppend, Task.Delay(LongestWait, cancellationToken));
            return await _store.GetLogEndAsync(cancellationToken);
        }
    }
}
