using Microsoft.Extensions.Logging;
using Participation.Bot.Dialogue;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Hosting.Outcomes;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Events;

/// <summary>
/// Acts on the events the engine emitted, from the conversation's outbox: queue a handoff, register a question, keep a
/// rating. An event leaves the outbox only once handled, so a failure or a restart delays it rather than losing it;
/// every handler therefore tolerates being called twice for the same event.
/// </summary>
public sealed class EngineEvents(
    ConversationStore store,
    HandoffQueue handoffs,
    IBotCaseRegistrar registrar,
    IBotFeedbackSink feedback,
    ConversationOutcomes outcomes,
    TimeProvider clock,
    ILogger<EngineEvents> logger)
{
    public async Task DispatchPendingAsync(ConversationRecord record, CancellationToken cancellationToken)
    {
        foreach (var pending in await store.ReadOutboxAsync(record.Key, cancellationToken))
        {
            try
            {
                await HandleAsync(record, pending, cancellationToken);
                await store.RemoveFromOutboxAsync(record.Key, pending.RowKey, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.EventFailed(exception, record.Key, pending.Activity.Name);
            }
        }
    }

    /// <summary>
    /// The safety net: acts on events still in an outbox since before <paramref name="queuedBefore"/> — their turn's own
    /// attempt failed and the resident has not written since (a resident waiting for an agent does not). Returns how many
    /// conversations had some.
    /// </summary>
    public async Task<int> SweepAsync(DateTimeOffset queuedBefore, CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var key in await store.WithPendingEventsAsync(queuedBefore, cancellationToken))
        {
            if (await store.FindAsync(key, cancellationToken) is { } record)
            {
                await DispatchPendingAsync(record, cancellationToken);
                logger.EventsSwept(key);
                swept++;
            }
        }

        return swept;
    }

    private async Task HandleAsync(ConversationRecord record, PendingEvent pending, CancellationToken cancellationToken)
    {
        var activity = pending.Activity;
        var value = activity.Value;
        var score = value?["score"] is System.Text.Json.Nodes.JsonValue number && number.TryGetValue<int>(out var parsed) ? parsed : (int?)null;
        switch (activity.Name)
        {
            case BotEvents.HandoffInitiate:
                await outcomes.HandoffRequestedAsync(record, cancellationToken);
                await handoffs.EnqueueAsync(record, activity, cancellationToken);
                break;

            case BotEvents.QuestionRegister:
                await outcomes.QuestionRegisteredAsync(record, cancellationToken);
                await registrar.RegisterQuestionAsync(new RegisteredQuestion(
                    record.Key,
                    value?["trackingCode"]?.GetValue<string>() ?? pending.RowKey,
                    value?["question"]?.GetValue<string>() ?? "",
                    value?["topic"]?.GetValue<string>(),
                    value?["locale"]?.GetValue<string>() ?? record.Locale,
                    value?["email"]?.GetValue<string>() ?? "",
                    TranscriptAttachment.Read(activity),
                    activity.Timestamp ?? clock.GetUtcNow()), cancellationToken);
                break;

            case BotEvents.Feedback when score is { } rating:
                await outcomes.RatedAsync(record, rating, cancellationToken);
                await feedback.SubmitAsync(new SubmittedFeedback(
                    record.Key,
                    $"{record.Key}-{pending.RowKey}",
                    rating,
                    value!["topic"]?.GetValue<string>(),
                    value["locale"]?.GetValue<string>() ?? record.Locale,
                    activity.Timestamp ?? clock.GetUtcNow()), cancellationToken);
                break;
        }
    }
}
