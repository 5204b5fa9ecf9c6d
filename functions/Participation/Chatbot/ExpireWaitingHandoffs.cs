using Participation.Bot.Hosting.Handoff;
using Participation.App.Hosting;

namespace Participation.App.Chatbot;

/// <summary>Timer function: a handoff no agent accepted in time fails, so the bot offers to register the question instead of leaving the resident waiting.</summary>
public sealed class ExpireWaitingHandoffs(HandoffQueue handoffs) : ITimerFunction
{
    public static TimerTrigger Trigger { get; } = new(nameof(ExpireWaitingHandoffs), "0 * * * * *");

    public Task RunAsync(TimerInfo timer, CancellationToken cancellationToken) => handoffs.ExpireWaitingHandoffsAsync(cancellationToken);
}
