using Participation.App.Hosting;
using Participation.Initiatives.Lifecycle;

namespace Participation.App.Initiatives;

/// <summary>
/// Timer function: an initiative is stored before its routing message is queued; if queuing failed, it would wait
/// for ever. This queues every initiative still unrouted after a few minutes again — routing is idempotent, so a
/// duplicate costs nothing and nothing a resident submitted is lost.
/// </summary>
public sealed class RescueStrandedSubmissions(InitiativeStore store, FunctionOutputs outputs, TimeProvider clock) : ITimerFunction
{
    public const string Routing = "routing";
    private static readonly TimeSpan GracePeriod = TimeSpan.FromMinutes(3);

    public static TimerTrigger Trigger { get; } = new(nameof(RescueStrandedSubmissions), "0 */5 * * * *")
    {
        Outputs = [new QueueOutput(Routing, RouteSubmittedInitiative.Queue)],
    };

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - GracePeriod;
        foreach (var stranded in await store.ListCasesAsync(new InitiativeFilter(Status: InitiativeStatus.Submitted.ToWireName()), cancellationToken))
        {
            if (stranded.SubmittedAt < before)
            {
                outputs.Add(Routing, new InitiativeSubmitted(stranded.TrackingCode));
            }
        }
    }
}
