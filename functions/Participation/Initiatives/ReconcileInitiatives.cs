using Participation.App.Hosting;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;
using Participation.App.Privacy;

namespace Participation.App.Initiatives;

/// <summary>
/// Timer function: finds cases whose derived data disagrees with the case itself and repairs it — the index row (what
/// lists, inboxes and escalation read: status, owner, due date), the contact of a closed case that was never marked
/// closed (so its address would never be deleted), and the resident's confirmation e-mail — and logs each repair.
/// The outbox makes these rare; this catches what a bug or an operator's hand left behind.
/// </summary>
public sealed class ReconcileInitiatives(
    InitiativeStore store, ContactStore contacts, IOptions<PlatformOptions> platform, TimeProvider clock, ILogger<ReconcileInitiatives> logger) : ITimerFunction
{
    // A confirmation is worth sending late, not days late (and one SendGrid refuses for good must not be queued for ever).
    private static readonly TimeSpan ConfirmationWorthSending = TimeSpan.FromDays(1);

    public static TimerTrigger Trigger { get; } = new(nameof(ReconcileInitiatives), "0 */5 * * * *");

    public async Task RunAsync(TimerInfo timer, CancellationToken cancellationToken)
    {
        var repaired = 0;
        await foreach (var initiative in store.AllCasesAsync(cancellationToken))
        {
            repaired += await ReconcileAsync(initiative, cancellationToken);
        }

        logger.Reconciled(repaired);
    }

    public async Task<int> ReconcileAsync(InitiativeCase initiative, CancellationToken cancellationToken)
    {
        var repaired = 0;
        var listing = await store.FindListingAsync(initiative, cancellationToken);
        if (listing is null || listing.Status != initiative.Status || listing.DueDate != initiative.DueDate
            || listing.OwnerId != initiative.OwnerId || listing.TeamCode != initiative.TeamCode)
        {
            await store.RewriteIndexAsync(initiative, cancellationToken);
            logger.IndexRepaired(initiative.TrackingCode, listing?.Status.ToWireName() ?? "(none)", initiative.Status.ToWireName());
            repaired++;
        }

        var contact = await contacts.FindAsync(initiative.TrackingCode, cancellationToken);
        if (contact is not null && initiative.Status.IsClosed() && contact.ClosedAt is null)
        {
            await contacts.MarkClosedAsync(initiative.TrackingCode, initiative.DecidedAt ?? initiative.SubmittedAt, cancellationToken);
            logger.ContactClosed(initiative.TrackingCode);
            repaired++;
        }

        if (contact is not null && initiative.SubmittedAt > clock.GetUtcNow() - ConfirmationWorthSending
            && !await store.NotificationSentAsync($"{initiative.TrackingCode}-received", cancellationToken))
        {
            // Its id makes this harmless if the first request is still on its way.
            await store.SendAsync(SendNotification.Queue, SubmitInitiative.ReceivedNotification(initiative, platform.Value).Request(), cancellationToken);
            logger.ConfirmationRequeued(initiative.TrackingCode);
            repaired++;
        }

        return repaired;
    }
}

internal static partial class ReconciliationLog
{
    [LoggerMessage(LogLevel.Warning, "Repaired the index row of initiative {TrackingCode}: it said {IndexStatus}, the case is {CaseStatus}")]
    public static partial void IndexRepaired(this ILogger logger, string trackingCode, string indexStatus, string caseStatus);

    [LoggerMessage(LogLevel.Warning, "Repaired the contact of closed initiative {TrackingCode}: it was not marked closed")]
    public static partial void ContactClosed(this ILogger logger, string trackingCode);

    [LoggerMessage(LogLevel.Warning, "Queued the confirmation e-mail of initiative {TrackingCode} again: it was never sent")]
    public static partial void ConfirmationRequeued(this ILogger logger, string trackingCode);

    [LoggerMessage(LogLevel.Information, "Reconciliation of initiatives done: {Repaired} repairs")]
    public static partial void Reconciled(this ILogger logger, int repaired);
}
