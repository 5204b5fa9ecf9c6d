using Microsoft.Extensions.Logging;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Outcomes;
using Participation.Bot.Protocol;
using Participation.Bot.Topics;

namespace Participation.Bot.Hosting.Conversations;

/// <summary>What one change to a conversation consists of, decided anew on every attempt from the conversation as read.</summary>
public sealed record TurnPlan
{
    /// <summary>The activity that arrived (a resident's message, an agent's message): logged first.</summary>
    public Activity? Arrived { get; init; }

    /// <summary>The activity the engine handles this turn, if any (often <see cref="Arrived"/>; a handoff.status event is not logged).</summary>
    public Activity? EngineInput { get; init; }

    /// <summary>Logged after the engine's replies, e.g. the resident's place in the queue.</summary>
    public IReadOnlyList<Activity> Announcements { get; init; } = [];

    /// <summary>Changes to the record beyond the engine's state (counters).</summary>
    public Func<ConversationRecord, ConversationRecord>? Change { get; init; }

    /// <summary>The channel's own id of <see cref="Arrived"/>, when Bot Connector replies should be threaded to it.</summary>
    public string? ChannelActivityId { get; init; }
}

/// <summary>The stored result of a turn: the record, and what was added to the transcript (with ids).</summary>
public sealed record TurnOutcome(ConversationRecord Record, IReadOnlyList<Activity> Logged)
{
    public Activity? LoggedArrival { get; init; }
}

/// <summary>
/// Runs a change to a conversation as read-decide-commit, retrying when another turn got there first: two messages at
/// once are both handled, one after the other, and neither's state update is lost. After the commit, activities for a
/// Bot Service channel are sent through the connector; our own Direct Line channel reads them from the transcript.
/// </summary>
public sealed class ConversationTurns(
    ConversationStore store,
    TurnEngine engine,
    ConnectorClient connector,
    ConversationOutcomes outcomes,
    TimeProvider clock,
    ILogger<ConversationTurns> logger)
{
    private const int Attempts = 10;

    /// <summary>Runs <paramref name="plan"/> on the conversation; null when it does not exist, an empty outcome when the plan declines.</summary>
    public async Task<TurnOutcome?> RunAsync(string key, Func<ConversationRecord, TurnPlan?> plan, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var read = await store.FindAsync(key, cancellationToken);
            if (read is null)
            {
                return null;
            }

            var decided = plan(read);
            if (decided is null)
            {
                return new TurnOutcome(read, []);
            }

            var now = clock.GetUtcNow();
            var state = read.State;
            var replies = new List<Activity>();
            if (decided.EngineInput is { } input)
            {
                var result = await engine.HandleAsync(input, state, cancellationToken);
                state = result.State;
                replies.AddRange(result.Replies);
            }

            var arrived = decided.Arrived is null ? null : decided.Arrived with { Timestamp = now };
            var transcript = new List<Activity>();
            if (arrived is not null)
            {
                transcript.Add(arrived);
            }

            // Events are the engine's requests to us (the agent hub), not something to show the resident.
            transcript.AddRange(replies.Where(r => r.Type != ActivityTypes.Event).Select(r => Outgoing(r, read, now)));
            transcript.AddRange(decided.Announcements.Select(a => Outgoing(a, read, now)));
            var events = replies.Where(r => r.Type == ActivityTypes.Event).ToList();
            var updated = (decided.Change ?? (r => r))(read with { State = state });
            try
            {
                var (record, logged) = await store.CommitAsync(read, updated, transcript, events, cancellationToken);
                if (read.ResidentMessages == 0 && record.ResidentMessages > 0)
                {
                    await outcomes.StartedAsync(record, cancellationToken);
                }

                if (record.ResidentMessages > 0 && Replied(read.State, state) is { } answered)
                {
                    await outcomes.RepliedAsync(record, answered, cancellationToken);
                }

                var outcome = new TurnOutcome(record, logged) { LoggedArrival = arrived is null ? null : logged[0] };
                if (record.Transport == Transport.Connector)
                {
                    await DeliverAsync(record, arrived is null ? logged : logged.Skip(1), decided.ChannelActivityId, cancellationToken);
                }

                return outcome;
            }
            catch (ConversationChangedException) when (attempt < Attempts)
            {
                logger.TurnRetried(key, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
            }
        }
    }

    // True when this turn answered a new question from the knowledge base, false when the bot said it did not know
    // (not understood, or out of its scope), null when the turn was something else (clarifying, small talk, handoff).
    internal static bool? Replied(ConversationState before, ConversationState after)
    {
        if (after.FailedAnswers > before.FailedAnswers
            || (after.LastTopic == Topic.OutOfScope && after.LastQuestion != before.LastQuestion))
        {
            return false;
        }

        return after.FailedAnswers == 0 && after.Awaiting == Prompt.None && after.Handoff == HandoffPhase.None
               && after.LastQuestion != before.LastQuestion && after.LastTopic is { } topic && Topic.IsAnswerable(topic)
            ? true
            : null;
    }

    /// <summary>
    /// Creates the conversation, with the engine's answer to <paramref name="opening"/> (a conversationUpdate: the
    /// welcome) in the same transaction; false when it already exists, in which case nothing is said twice.
    /// </summary>
    public async Task<bool> StartAsync(ConversationRecord record, Activity? opening, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var state = record.State;
        IReadOnlyList<Activity> transcript = [];
        if (opening is not null)
        {
            var result = await engine.HandleAsync(opening, state, cancellationToken);
            state = result.State;
            transcript = [.. result.Replies.Where(r => r.Type != ActivityTypes.Event).Select(r => Outgoing(r, record, now))];
        }

        return await store.CreateAsync(record with { State = state }, transcript, cancellationToken);
    }

    /// <summary>Adds activities (an agent's message, a queue announcement) to the transcript without a turn of the engine.</summary>
    public Task<TurnOutcome?> AppendAsync(string key, IReadOnlyList<Activity> activities, CancellationToken cancellationToken) =>
        RunAsync(key, _ => new TurnPlan { Announcements = activities }, cancellationToken);

    /// <summary>An activity from the bot or an agent, addressed in this conversation, stamped by the server.</summary>
    private static Activity Outgoing(Activity activity, ConversationRecord record, DateTimeOffset now) => activity with
    {
        Timestamp = now,
        ChannelId = record.ChannelId,
        ServiceUrl = record.ServiceUrl,
        Conversation = record.Conversation,
        From = activity.From?.Id is null ? record.Bot : activity.From,
        Recipient = record.User,
    };

    private async Task DeliverAsync(ConversationRecord record, IEnumerable<Activity> activities, string? channelActivityId, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            // Our transcript ids mean nothing to the channel (it assigns its own), and a channel only accepts the bot as sender.
            var outgoing = activity with { Id = null, From = record.Bot };
            try
            {
                if (channelActivityId is not null && outgoing.ReplyToId == channelActivityId)
                {
                    await connector.ReplyToActivityAsync(outgoing, cancellationToken);
                }
                else
                {
                    await connector.SendToConversationAsync(outgoing with { ReplyToId = null }, cancellationToken);
                }
            }
            catch (HttpRequestException exception)
            {
                // The turn is stored; the resident misses this activity, the agent console still shows it.
                logger.DeliveryFailed(exception, record.Key, record.ChannelId);
            }
        }
    }
}
