using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Participation.Hosting;

namespace Participation.Notifications;

/// <summary>
/// Queue function: turns a notification request into one e-mail. A row per notification id makes it idempotent:
/// once a notification is marked sent, a redelivery sends nothing. A mail provider error throws, so the message is retried
/// and finally lands in the poison queue, where admins see it — never silently dropped.
/// </summary>
public sealed class SendNotification(
    TableServiceClient tables,
    RecipientDirectory recipients,
    IMailSender mail,
    IOptions<MunicipalityOptions> municipality,
    ILogger<SendNotification> logger,
    IEnumerable<INotificationContent> contents) : IQueueFunction<NotificationRequested>
{
    public const string Queue = "notification-requested";
    public const string Table = "Notifications";

    public static QueueTrigger Trigger { get; } = new(nameof(SendNotification), Queue);

    public async Task HandleAsync(NotificationRequested message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(Table);
        var state = await table.GetEntityIfExistsAsync<TableEntity>(message.NotificationId, "state", cancellationToken: cancellationToken);
        if (state.HasValue && state.Value!.GetBoolean("Sent") == true)
        {
            logger.AlreadySent(message.NotificationId);
            return;
        }

        var address = await recipients.FindUnlessThrottledAsync(message, cancellationToken);
        if (address is null)
        {
            // The contact was deleted (retention or the resident's request): there is no one to write to any more.
            logger.NoRecipient(message.NotificationId, message.To.Kind);
            return;
        }

        var values = new Dictionary<string, string>(message.Values) { ["municipality"] = municipality.Value.Name };
        foreach (var content in contents)
        {
            await content.AddAsync(message, values, cancellationToken);
        }

        var (subject, body) = EmailTemplates.Render(message.Template, address.Locale, values);
        await mail.SendAsync(new Email(address.Email, subject, body, message.NotificationId), cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(message.NotificationId, "state") { ["Sent"] = true, ["Template"] = message.Template }, TableUpdateMode.Replace, cancellationToken);
        logger.Sent(message.NotificationId, message.Template, message.To.Kind);
    }
}

internal static partial class NotificationLog
{
    [LoggerMessage(LogLevel.Information, "Notification {NotificationId} ({Template}) sent to a recipient of kind {RecipientKind}")]
    public static partial void Sent(this ILogger logger, string notificationId, string template, string recipientKind);

    [LoggerMessage(LogLevel.Information, "Notification {NotificationId} was already sent; this delivery is a repeat")]
    public static partial void AlreadySent(this ILogger logger, string notificationId);

    [LoggerMessage(LogLevel.Warning, "Notification {NotificationId} has no {RecipientKind} recipient any more; not sent")]
    public static partial void NoRecipient(this ILogger logger, string notificationId, string recipientKind);
}
