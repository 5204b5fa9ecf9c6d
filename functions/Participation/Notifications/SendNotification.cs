using Azure;
using Azure.Data.Tables;
using Participation.App.Hosting;
using Participation.Municipality;

namespace Participation.App.Notifications;

/// <summary>
/// Queue function: turns a notification request into one e-mail. A row per notification id makes it idempotent:
/// once a notification is marked sent, a redelivery sends nothing. A mail provider error throws, so the message is retried
/// and finally lands in the poison queue, where admins see it — never silently dropped.
/// </summary>
public sealed class SendNotification(
    TableServiceClient tables,
    RecipientDirectory recipients,
    IMailSender mail,
    UnrecordedSends unrecorded,
    IOptions<MunicipalityOptions> municipality,
    TimeProvider clock,
    ILogger<SendNotification> logger,
    IEnumerable<INotificationContent> contents) : IQueueFunction<NotificationRequested>
{
    // Long enough for one send, short enough that a claim orphaned by a storage outage (claimed, then neither sent nor
    // released because storage went away) is taken over well within the minute residents are promised.
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromSeconds(30);

    public const string Queue = "notification-requested";
    public const string Table = "Notifications";

    public static QueueTrigger Trigger { get; } = new(nameof(SendNotification), Queue);

    public async Task HandleAsync(NotificationRequested message, QueueMetadata metadata, CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(Table);
        if (unrecorded.Contains(message.NotificationId))
        {
            await RecordSentAsync(table, message, cancellationToken);
            logger.AlreadySent(message.NotificationId);
            return;
        }

        var state = await table.GetEntityIfExistsAsync<TableEntity>(message.NotificationId, "state", cancellationToken: cancellationToken);
        if (state.HasValue && state.Value!.GetBoolean("Sent") == true)
        {
            logger.AlreadySent(message.NotificationId);
            return;
        }

        // The same notification may be queued twice (an outbox dispatch and a replay) and both copies may arrive at once:
        // only the delivery that claims it sends; the other tries again later and then finds it sent. A claim left by a
        // sender that died is taken over once it is old.
        var now = clock.GetUtcNow();
        var claim = new TableEntity(message.NotificationId, "state") { ["Sent"] = false, ["ClaimedAt"] = now, ["Template"] = message.Template };
        try
        {
            if (!state.HasValue)
            {
                await table.AddEntityAsync(claim, cancellationToken);
            }
            else if (state.Value!.GetDateTimeOffset("ClaimedAt") is { } claimedAt && now - claimedAt < ClaimLifetime)
            {
                throw new NotificationBusyException(message.NotificationId);
            }
            else
            {
                await table.UpdateEntityAsync(claim, state.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            throw new NotificationBusyException(message.NotificationId);
        }

        var mailed = false;
        try
        {
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
            var headers = values.TryGetValue("unsubscribeUrl", out var unsubscribe) ? Email.UnsubscribeHeaders(unsubscribe) : null;
            await mail.SendAsync(new Email(address.Email, subject, body, message.NotificationId, headers), cancellationToken);
            mailed = true;
            unrecorded.Add(message.NotificationId);
            await RecordSentAsync(table, message, cancellationToken);
        }
        catch (Exception) when (!mailed && !cancellationToken.IsCancellationRequested)
        {
            // Not sent: let the next delivery try at once instead of waiting for the claim to age. (Sent but not recorded —
            // storage went away in between — throws too: the retried delivery finds it in `unrecorded` and records it.)
            try
            {
                await table.DeleteEntityAsync(message.NotificationId, "state", ETag.All, CancellationToken.None);
            }
            catch (RequestFailedException)
            {
            }

            throw;
        }

        logger.Sent(message.NotificationId, message.Template, message.To.Kind);
    }

    private async Task RecordSentAsync(TableClient table, NotificationRequested message, CancellationToken cancellationToken)
    {
        await table.UpsertEntityAsync(new TableEntity(message.NotificationId, "state") { ["Sent"] = true, ["Template"] = message.Template }, TableUpdateMode.Replace, cancellationToken);
        unrecorded.Recorded(message.NotificationId);
    }
}

/// <summary>Another delivery of the same notification is sending it right now; this one is retried later.</summary>
public sealed class NotificationBusyException(string notificationId)
    : Exception($"Notification {notificationId} is being sent by another delivery.");

internal static partial class NotificationLog
{
    [LoggerMessage(LogLevel.Information, "Notification {NotificationId} ({Template}) sent to a recipient of kind {RecipientKind}")]
    public static partial void Sent(this ILogger logger, string notificationId, string template, string recipientKind);

    [LoggerMessage(LogLevel.Information, "Notification {NotificationId} was already sent; this delivery is a repeat")]
    public static partial void AlreadySent(this ILogger logger, string notificationId);

    [LoggerMessage(LogLevel.Warning, "Notification {NotificationId} has no {RecipientKind} recipient any more; not sent")]
    public static partial void NoRecipient(this ILogger logger, string notificationId, string recipientKind);

    [LoggerMessage(LogLevel.Warning, "Notification {NotificationId} not sent: its recipient had {Limit} e-mails in the last hour")]
    public static partial void Throttled(this ILogger logger, string notificationId, int limit);
}
