using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Events;
using Participation.Bot.Hosting.Handoff;
using Participation.App.Notifications;
using Participation.App.Privacy;
using Participation.App.Routing;

namespace Participation.App.Chatbot;

/// <summary>
/// A question the bot could not answer and no agent could take (outside office hours, or nobody accepted) becomes a
/// case for the front office, with the bot's tracking code and the transcript, answered by e-mail — never a dead end.
/// Registering the same tracking code twice (the bot retries after a failure) creates one case.
/// The address the resident typed is kept only as the case's contact; the question and transcript are stored with
/// addresses redacted, and the e-mails' queue messages carry the tracking code, never the question. The e-mails are
/// outbox rows stored in the same transaction as the question, so a queue failure delays them and never loses them.
/// </summary>
public sealed class BotQuestionRegistrar(
    QuestionStore questions, ContactStore contacts, RoutingDirectory routing, ConversationStore conversations, HandoffQueue handoffs, INotifier notifier,
    IOptions<PlatformOptions> platform) : IBotCaseRegistrar, IChatRecords, INotificationContent
{
    private const int MaxTranscriptLength = 30_000;

    public async Task RegisterQuestionAsync(RegisteredQuestion question, CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var frontOffice = configuration.Teams.First(t => t.Code == configuration.FrontOfficeTeam);
        var transcript = string.Join("\n", EmailRedaction.Redact(question.Transcript).Select(t => $"{t.Role}: {t.Text}"));
        // The contact first (an upsert, harmless to repeat): the e-mails the outbox sends need it.
        await contacts.SaveAsync(new Contact(question.TrackingCode, question.Email, question.Locale, question.RegisteredAt, null), cancellationToken);
        await questions.AddAsync(
            new StoredQuestion(question.TrackingCode, EmailRedaction.Redact(question.Question), question.Topic, question.Locale, question.ConversationId,
                transcript.Length > MaxTranscriptLength ? transcript[..MaxTranscriptLength] : transcript, frontOffice.Code, "open", question.RegisteredAt),
            [
                notifier.Effect(new Notification.QuestionReceived(question.TrackingCode, question.Topic, platform.Value.PublicBaseUrl)),
                notifier.Effect(new Notification.QuestionRegistered(question.TrackingCode, question.Topic, platform.Value.PublicBaseUrl, frontOffice.TeamLeadId)),
            ],
            cancellationToken);
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

    public async Task<ChatRecord?> FindAsync(string subject, CancellationToken cancellationToken) =>
        QuestionKey(subject) is { } key && await questions.FindAsync(key, cancellationToken) is { } question
            ? new ChatRecord(question.Question, question.Topic, question.RegisteredAt, question.Transcript)
            : null;

    public async Task<bool> EraseAsync(string subject, CancellationToken cancellationToken)
    {
        if (QuestionKey(subject) is not { } key || await questions.FindAsync(key, cancellationToken) is not { } question)
        {
            return false;
        }

        if (question.ConversationId is { Length: > 0 } conversation)
        {
            await handoffs.ForgetAsync(conversation, cancellationToken);
            await conversations.DeleteAsync(conversation, cancellationToken);
        }

        await questions.DeleteAsync(key, cancellationToken);
        return true;
    }

    /// <summary>Questions registered before <paramref name="registeredBefore"/> with their conversations and contacts, for retention.</summary>
    public async Task<int> EraseRegisteredBeforeAsync(DateTimeOffset registeredBefore, CancellationToken cancellationToken)
    {
        var expired = await questions.RegisteredBeforeAsync(registeredBefore, cancellationToken);
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
