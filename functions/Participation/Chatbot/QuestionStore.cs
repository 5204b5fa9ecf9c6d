using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Participation.App.Chatbot;

/// <summary>A question left with the chatbot as stored: addresses already redacted from its text and transcript.</summary>
public sealed record StoredQuestion(
    string TrackingCode, string Question, string? Topic, string Locale, string? ConversationId, string Transcript, string Team, string Status,
    DateTimeOffset RegisteredAt);

/// <summary>
/// Questions left with the chatbot, one partition per tracking code: the question row and its pending e-mails (the
/// partition's outbox rows), stored in one transaction.
/// </summary>
public sealed class QuestionStore(TableServiceClient tables, QueueServiceClient queues, TimeProvider clock, ILogger<QuestionStore> logger)
{
    public const string Table = "Questions";
    private const string QuestionRow = "question";
    private readonly TableClient table = tables.GetTableClient(Table);
    private Outbox? outbox;

    /// <summary>The question partitions' outbox, registered with the shared dispatcher and sweep.</summary>
    public Outbox Outbox => outbox ??= new Outbox("questions", table, queues, clock, logger);

    /// <summary>
    /// Stores the question with its side effects and carries them out; when it was stored before (the bot retries after a
    /// failure), stores nothing and completes whatever that attempt left in the outbox.
    /// </summary>
    public async Task AddAsync(StoredQuestion question, IEnumerable<SideEffect> effects, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(question.TrackingCode, QuestionRow)
                {
                    ["Question"] = question.Question,
                    ["Topic"] = question.Topic,
                    ["Locale"] = question.Locale,
                    ["ConversationId"] = question.ConversationId,
                    ["Transcript"] = question.Transcript,
                    ["Team"] = question.Team,
                    ["Status"] = question.Status,
                    ["RegisteredAt"] = question.RegisteredAt,
                }),
                .. Outbox.Rows(question.TrackingCode, effects),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            await Outbox.DispatchAsync(question.TrackingCode, cancellationToken);
            return;
        }

        await Outbox.DispatchSoonAsync(question.TrackingCode);
    }

    public async Task<StoredQuestion?> FindAsync(string trackingCode, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(trackingCode, QuestionRow, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new StoredQuestion(trackingCode, e.GetString("Question") ?? "", e.GetString("Topic"), e.GetString("Locale") ?? "nl", e.GetString("ConversationId"),
                e.GetString("Transcript") ?? "", e.GetString("Team") ?? "", e.GetString("Status") ?? "open",
                e.GetDateTimeOffset("RegisteredAt") ?? e.Timestamp ?? DateTimeOffset.MinValue)
            : null;
    }

    public async Task DeleteAsync(string trackingCode, CancellationToken cancellationToken) =>
        await table.DeleteEntityAsync(trackingCode, QuestionRow, ETag.All, cancellationToken);

    /// <summary>Tracking codes of the questions registered before <paramref name="registeredBefore"/>, for retention.</summary>
    public async Task<IReadOnlyList<string>> RegisteredBeforeAsync(DateTimeOffset registeredBefore, CancellationToken cancellationToken)
    {
        var codes = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {QuestionRow} and RegisteredAt lt {registeredBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            codes.Add(entity.PartitionKey);
        }

        return codes;
    }
}
