using Participation.Bot.Hosting.Events;
using Participation.App.Hosting;

namespace Participation.App.Chatbot;

/// <summary>
/// Timer function: the chatbot's outbox sweep. A handoff to the live-chat queue, a registered question or a rating is
/// stored with its turn and acted on right after it; when that failed (storage or the back office away for a moment),
/// this finds it, so a resident waiting for an agent is queued without having to write again.
/// </summary>
public sealed class SweepBotEvents(EngineEvents events, TimeProvider clock) : ITimerFunction
{
    // Younger events are probably being acted on right now by the turn that stored them.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    public static TimerTrigger Trigger { get; } = new(nameof(SweepBotEvents), "*/20 * * * * *");

    public Task RunAsync(TimerInfo timer, CancellationToken cancellationToken) => events.SweepAsync(clock.GetUtcNow() - Settle, cancellationToken);
}
