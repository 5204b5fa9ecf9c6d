using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Events;
using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting;

/// <summary>
/// What happens when a resident's activity arrives, whatever the channel: it joins the transcript, the engine takes
/// its turn (while an agent holds the conversation the engine only records it, and the agent reads it from the
/// transcript), the engine's events are acted on, and a handoff nobody accepted in time fails.
/// </summary>
public sealed class ResidentTurns(ConversationTurns turns, EngineEvents events, HandoffQueue handoffs)
{
    /// <summary>Handles <paramref name="arrived"/>; null when the conversation does not exist.</summary>
    public async Task<TurnOutcome?> HandleAsync(string key, Activity arrived, string? channelActivityId, CancellationToken cancellationToken)
    {
        arrived = ResidentText.Cut(arrived);
        var outcome = await turns.RunAsync(key, record =>
        {
            var numbered = arrived with { Id = ConversationStore.ActivityId(record.Key, record.NextSequence) };
            return new TurnPlan
            {
                // A typing indicator or a channel's own event is not part of the conversation.
                Arrived = arrived.Type == ActivityTypes.Message ? numbered : null,
                EngineInput = channelActivityId is null ? numbered : arrived,
                ChannelActivityId = channelActivityId,
                Change = r => r with
                {
                    ResidentMessages = r.ResidentMessages + (arrived.Type == ActivityTypes.Message ? 1 : 0),
                    // Bot Service may move a conversation to another serviceUrl; replies go where the last activity came from.
                    ServiceUrl = arrived.ServiceUrl ?? r.ServiceUrl,
                },
            };
        }, cancellationToken);
        if (outcome is null)
        {
            return null;
        }

        await events.DispatchPendingAsync(outcome.Record, cancellationToken);
        await ExpireIfWaitingAsync(outcome.Record, cancellationToken);
        return outcome;
    }

    /// <summary>The lazy timeout check while the resident waits for an agent (called on every poll).</summary>
    public async Task ExpireIfWaitingAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        if (record.State.Handoff == HandoffPhase.Requested)
        {
            await handoffs.ExpireIfOverdueAsync(record.Key, cancellationToken);
        }
    }
}
