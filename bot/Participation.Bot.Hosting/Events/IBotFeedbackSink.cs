using Azure.Data.Tables;

namespace Participation.Bot.Hosting.Events;

/// <summary>A resident's 1–5 rating after a conversation with an agent (event <c>feedback.submit</c>).</summary>
public sealed record SubmittedFeedback(string ConversationId, string FeedbackId, int Score, string? Topic, string Locale, DateTimeOffset SubmittedAt);

/// <summary>Where ratings go. The default keeps them in the BotFeedback table; a call may be repeated with the same <see cref="SubmittedFeedback.FeedbackId"/>.</summary>
public interface IBotFeedbackSink
{
    Task SubmitAsync(SubmittedFeedback feedback, CancellationToken cancellationToken);
}

/// <summary>Ratings in the BotFeedback table (partition = month, row = feedback id), so a repeated call overwrites instead of counting twice.</summary>
public sealed class TableFeedbackSink(BotTables tables) : IBotFeedbackSink
{
    public async Task SubmitAsync(SubmittedFeedback feedback, CancellationToken cancellationToken) =>
        await tables.FeedbackTable.UpsertEntityAsync(
            new TableEntity(Outcomes.ConversationOutcomes.Month(feedback.SubmittedAt), feedback.FeedbackId)
            {
                ["ConversationId"] = feedback.ConversationId,
                ["Score"] = feedback.Score,
                ["Topic"] = feedback.Topic,
                ["Locale"] = feedback.Locale,
                ["SubmittedAt"] = feedback.SubmittedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken);
}
