using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Participation.Bot.Hosting.Events;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Routing;
using Participation.Storage;

namespace Participation.Chatbot;

/// <summary>
/// A question the bot could not answer and no agent could take (outside office hours, or nobody accepted) becomes a
/// case for the front office, with the bot's tracking code and the transcript, answered by e-mail — never a dead end.
/// Registering the same tracking code twice (the bot retries after a failure) creates one case.
/// </summary>
public sealed class BotQuestionRegistrar(
    TableServiceClient tables, ContactStore contacts, RoutingDirectory routing, QueueSender queue, IOptions<PlatformOptions> platform) : IBotCaseRegistrar
{
    public const string Table = "Questions";

    public async Task RegisterQuestionAsync(RegisteredQuestion question, CancellationToken cancellationToken)
    {
        var configuration = await routing.CurrentAsync(cancellationToken);
        var frontOffice = configuration.Teams.First(t => t.Code == configuration.FrontOfficeTeam);
        var transcript = string.Join("\n", question.Transcript.Select(t => $"{t.Role}: {t.Text}"));
        try
        {
            await tables.GetTableClient(Table).AddEntityAsync(new TableEntity(question.TrackingCode, "question")
            {
                ["Question"] = question.Question,
                ["Topic"] = question.Topic,
                ["Locale"] = question.Locale,
                ["ConversationId"] = question.ConversationId,
                ["Transcript"] = transcript.Length > 30_000 ? transcript[..30_000] : transcript,
                ["Team"] = frontOffice.Code,
                ["Status"] = "open",
                ["RegisteredAt"] = question.RegisteredAt,
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Registered before; the notifications below are idempotent by their ids, so sending them again is harmless.
        }

        await contacts.SaveAsync(new Contact(question.TrackingCode, question.Email, question.Locale, question.RegisteredAt, null), cancellationToken);
        var values = new Dictionary<string, string>
        {
            ["trackingCode"] = question.TrackingCode,
            ["question"] = question.Question,
            ["topic"] = question.Topic ?? "-",
            ["transcript"] = transcript,
            ["statusUrl"] = platform.Value.PublicBaseUrl,
        };
        await queue.SendAsync(SendNotification.Queue, new NotificationRequested($"{question.TrackingCode}-question-received", "question-received", Recipient.ContactOf(question.TrackingCode), values), cancellationToken);
        await queue.SendAsync(SendNotification.Queue, new NotificationRequested($"{question.TrackingCode}-question-registered", "question-registered", Recipient.Official(frontOffice.TeamLeadId), values), cancellationToken);
    }
}
