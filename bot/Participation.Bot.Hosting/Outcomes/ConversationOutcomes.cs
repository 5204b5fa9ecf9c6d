using System.Globalization;
using Azure.Data.Tables;
using Participation.Bot.Hosting.Conversations;

namespace Participation.Bot.Hosting.Outcomes;

/// <summary>
/// One row per conversation in which the resident said something (partition = month it started, UTC): whether a
/// person was needed, how long the resident waited, the rating. The council dashboard's bot figures come from here.
/// Every write merges, so the rows are correct whatever order the writes arrive in.
/// </summary>
public sealed class ConversationOutcomes(BotTables tables)
{
    private readonly TableClient table = tables.OutcomeTable;

    public Task StartedAsync(ConversationRecord record, CancellationToken cancellationToken) =>
        MergeAsync(record, new() { ["StartedAt"] = record.CreatedAt }, cancellationToken);

    public Task HandoffRequestedAsync(ConversationRecord record, CancellationToken cancellationToken) =>
        MergeAsync(record, new() { ["HandoffRequested"] = true }, cancellationToken);

    public Task HandoffAcceptedAsync(ConversationRecord record, TimeSpan waited, CancellationToken cancellationToken) =>
        MergeAsync(record, new() { ["HandoffAccepted"] = true, ["WaitingSeconds"] = waited.TotalSeconds }, cancellationToken);

    public Task HandoffFailedAsync(ConversationRecord record, CancellationToken cancellationToken) =>
        MergeAsync(record, new() { ["HandoffFailed"] = true }, cancellationToken);

    public Task QuestionRegisteredAsync(ConversationRecord record, CancellationToken cancellationToken) =>
        MergeAsync(record, new() { ["QuestionRegistered"] = true }, cancellationToken);

    /// <summary>
    /// What the bot's last reply to a question was: an answer from the knowledge base, or "I do not know" (not
    /// understood, out of scope). A conversation counts as helped only if it ended on an answer.
    /// </summary>
    public Task RepliedAsync(ConversationRecord record, bool answered, CancellationToken cancellationToken) =>
        MergeAsync(record, answered ? new() { ["Answered"] = true, ["EndedAnswered"] = true } : new() { ["EndedAnswered"] = false }, cancellationToken);

    public Task RatedAsync(ConversationRecord record, int score, CancellationToken cancellationToken) =>
        MergeAsync(record, new() { ["FeedbackScore"] = score }, cancellationToken);

    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task MergeAsync(ConversationRecord record, Dictionary<string, object> values, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(values) { PartitionKey = Month(record.CreatedAt), RowKey = record.Key };
        entity["StartedAt"] = record.CreatedAt;
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }
}
