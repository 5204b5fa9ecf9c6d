using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Events;
using Participation.Bot.Hosting.Handoff;
using Participation.Municipality.Tracking;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Chatbot;

/// <summary>
/// A question the bot could not answer and no agent could take (outside office hours, or nobody accepted) becomes a
/// case for the front office, with the bot's tracking code and the transcript, answered by e-mail — never a dead end.
/// Registering the same tracking code twice (the bot retries after a failure) creates one case.
/// The address the resident typed is kept only as the case's contact; the question and transcript are stored with
/// addresses redacted, and the e-mails' queue messages carry the tracking code, never the question. The e-mails are
/// outbox rows stored in the same transaction as the question, so a queue failure delays them and never loses them.
/// </summary>
public sealed class BotQuestionRegistrar(
    TableServiceClient tables, QueueServiceClient queues, ContactStore contacts, RoutingDirectory routing, ConversationStore conversations,
    HandoffQueue handoffs, IOptions<PlatformOptions> platform, TimeProvider clock, ILogger<BotQuestionRegistrar> logger)
    : IBotCaseRegistrar, IChatRecords, INotificationContent
{
    public const string Table = "Questions";
    private const string QuestionRow = "question";
    private const int MaxTranscriptLength = 30_000;
    private readonly TableClient table = tables.GetTableClient(Table);
    private Outbox? questionOutbox;

    /// <summary>The question partitions' outbox, registered with the shared dispatcher and sweep.</summary>
    public Outbox Outbox => questionOutbox ??= new Outbox("questions", table, queues, clock, logger);

    public async Task RegisterQuestionAsync(RegisteredQuestion question, CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var frontOffice = configuration.Teams.First(t => t.Code == configuration.FrontOfficeTeam);
        var transcript = string.Join("\n", EmailRedaction.Redact(question.Transcript).Select(t => $"{t.Role}: {t.Text}"));
        // The contact first (an upsert, harmless to repeat): the e-mails the outbox sends need it.
        await contacts.SaveAsync(new Contact(question.TrackingCode, question.Email, question.Locale, question.RegisteredAt, null), cancellationToken);
        var values = new Dictionary<string, string>
        {
            ["trackingCode"] = question.TrackingCode,
            ["topic"] = question.Topic ?? "-",
            ["statusUrl"] = platform.Value.PublicBaseUrl,
        };
        SideEffect[] effects =
        [
            SideEffect.Notify(new NotificationRequested($"{question.TrackingCode}-question-received", "question-received", Recipient.ContactOf(question.TrackingCode), values)),
            SideEffect.Notify(new NotificationRequested($"{question.TrackingCode}-question-registered", "question-registered", Recipient.Official(frontOffice.TeamLeadId), values)),
        ];
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(question.TrackingCode, QuestionRow)
                {
                    ["Question"] = EmailRedaction.Redact(question.Question),
                    ["Topic"] = question.Topic,
                    ["Locale"] = question.Locale,
                    ["ConversationId"] = question.ConversationId,
                    ["Transcript"] = transcript.Length > MaxTranscriptLength ? transcript[..MaxTranscriptLength] : transcript,
                    ["Team"] = frontOffice.Code,
                    ["Status"] = "open",
                    ["RegisteredAt"] = question.RegisteredAt,
                }),
                .. Outbox.Rows(question.TrackingCode, effects),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            // Registered before (the bot retries after a failure): complete whatever that attempt left in the outbox.
            await Outbox.DispatchAsync(question.TrackingCode, cancellationToken);
            return;
        }

        await Outbox.DispatchSoonAsync(question.TrackingCode);
    }

    /// <summary>Only the front office's own mail shows the question; the resident's confirmation never repeats it.</summary>
    public async Task AddAsync(NotificationRequested message, IDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (message.Template != "question-registered" || !values.TryGetValue("trackingCode", out var code) || await FindAsync(code, cancellationToken) is not { } held)
        {
            return;
        }

        values["question"] = held.Question;
        values["transcript"] = held.Transcript;
    }

    public async Task<ChatRecord?> FindAsync(string subject, CancellationToken cancellationToken)
    {
        if (QuestionKey(subject) is not { } key)
        {
            return null;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(key, QuestionRow, cancellationToken: cancellationToken);
        return row.HasValue
            ? new ChatRecord(row.Value!.GetString("Question") ?? "", row.Value.GetString("Topic"), row.Value.GetDateTimeOffset("RegisteredAt") ?? default, row.Value.GetString("Transcript") ?? "")
            : null;
    }

    public async Task<bool> EraseAsync(string subject, CancellationToken cancellationToken)
    {
        if (QuestionKey(subject) is not { } key)
        {
            return false;
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(key, QuestionRow, cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return false;
        }

        if (row.Value!.GetString("ConversationId") is { Length: > 0 } conversation)
        {
            await handoffs.ForgetAsync(conversation, cancellationToken);
            await conversations.DeleteAsync(conversation, cancellationToken);
        }

        await table.DeleteEntityAsync(key, QuestionRow, ETag.All, cancellationToken);
        return true;
    }

    /// <summary>Questions registered before <paramref name="registeredBefore"/> with their conversations and contacts, for retention.</summary>
    public async Task<int> EraseRegisteredBeforeAsync(DateTimeOffset registeredBefore, CancellationToken cancellationToken)
    {
        var expired = new List<string>();
        var filter = TableClient.CreateQueryFilter($"RowKey eq {QuestionRow} and RegisteredAt lt {registeredBefore}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            expired.Add(entity.PartitionKey);
        }

        foreach (var code in expired)
        {
            await EraseAsync(code, cancellationToken);
            await contacts.DeleteSubjectAsync(code, cancellationToken);
        }

        return expired.Count;
    }

    /// <summary>
    /// The row a subject names: the bot registers questions under a tracking code in its display form (13DK-33M2-H83),
    /// however it was typed; older questions have "VR-" codes. Before this, only "VR-" codes were found, so privacy
    /// requests and retention missed every question the bot had really registered.
    /// </summary>
    private static string? QuestionKey(string subject) =>
        subject.StartsWith("VR-", StringComparison.Ordinal) && subject.Length <= 20 ? subject
        : TrackingCode.TryParse(subject, out var code, out _) ? code.Display
        : null;
}
