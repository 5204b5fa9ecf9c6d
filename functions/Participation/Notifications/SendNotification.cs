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
    private static readonly TimeSpan ClaimPoll = TimeSpan.FromSeconds(1);

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

        if (!await ClaimAsync(table, message, cancellationToken))
        {
            logger.AlreadySent(message.NotificationId);
            return;
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

    /// <summary>
    /// The same notification may be queued twice (an outbox dispatch and a replay) and both copies may arrive at once:
    /// only the delivery that claims it sends. The other waits, holding its message, until the notification is sent
    /// (false: nothing left to do) or the claim has aged; a claim left by a sender that lost storage mid-way is then
    /// taken over. Waiting here rather than failing keeps the message's attempts for real failures, so an orphaned
    /// claim cannot push the only copy of a notification into the poison queue.
    /// </summary>
    private async Task<bool> ClaimAsync(TableClient table, NotificationRequested message, CancellationToken cancellationToken)
    {
        var giveUpAt = clock.GetUtcNow() + 2 * ClaimLifetime;
        while (true)
        {
            var state = await table.GetEntityIfExistsAsync<TableEntity>(message.NotificationId, "state", cancellationToken: cancellationToken);
            if (state.HasValue && state.Value!.GetBoolean("Sent") == true)
            {
                return false;
            }

            var now = clock.GetUtcNow();
            var heldFor = state.HasValue && state.Value!.GetDateTimeOffset("ClaimedAt") is { } claimedAt ? ClaimLifetime - (now - claimedAt) : TimeSpan.Zero;
            if (heldFor <= TimeSpan.Zero)
            {
                var claim = new TableEntity(message.NotificationId, "state") { ["Sent"] = false, ["ClaimedAt"] = now, ["Template"] = message.Template };
                try
                {
                    if (state.HasValue)
                    {
                        await table.UpdateEntityAsync(claim, state.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                    }
                    else
                    {
                        await table.AddEntityAsync(claim, cancellationToken);
                    }

                    return true;
                }
                catch (RequestFailedException exception) when (exception.Status is 409 or 412)
                {
                    // Another delivery claimed it first: see how it fares.
                }
            }

            if (now >= giveUpAt)
            {
                throw new NotificationBusyException(message.NotificationId);
            }

            await Task.Delay(heldFor > TimeSpan.Zero && heldFor < ClaimPoll ? heldFor : ClaimPoll, clock, cancellationToken);
        }
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
