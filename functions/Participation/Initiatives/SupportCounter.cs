using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;

namespace Participation.App.Initiatives;

/// <summary>Adds one support and records the threshold; shared by both ways of supporting.</summary>
public sealed class SupportCounter(
    InitiativeStore store, InitiativeLifecycle lifecycle, IOptions<InitiativesOptions> options, IOptions<PlatformOptions> platform)
{
    /// <summary>Whether this supporter's support is counted for the initiative (its row in the case's partition).</summary>
    public async Task<bool> HasSupportedAsync(string trackingCode, string supporter, CancellationToken cancellationToken) =>
        TrackingCode.TryParse(trackingCode, out var code, out _) && await store.HasSupportAsync(code.Value, supporter, cancellationToken);

    /// <summary>Counts the support; <paramref name="pendingToken"/> names the e-mailed link it uses up, removed with the count.</summary>
    public Task<Outcome<SupportInitiative.Response>> AddAsync(string trackingCode, string supporter, CancellationToken cancellationToken, string? pendingToken = null) =>
        !TrackingCode.TryParse(trackingCode, out var code, out _)
            ? Task.FromResult<Outcome<SupportInitiative.Response>>(InitiativeRefusals.NotFound)
            : OptimisticConcurrency.RetryAsync(
                attemptToken => AttemptAsync(code.Value, supporter, pendingToken, attemptToken),
                () => throw new InvalidOperationException($"Support for {trackingCode} kept conflicting with other changes."),
                cancellationToken);

    private async Task<Attempt<Outcome<SupportInitiative.Response>>> AttemptAsync(string code, string supporter, string? pendingToken, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(code, cancellationToken) is not { } initiative)
        {
            return Final(InitiativeRefusals.NotFound);
        }

        if (await store.HasSupportAsync(code, supporter, cancellationToken))
        {
            return Final(InitiativeRefusals.AlreadySupported);
        }

        if (initiative.Status.IsClosed())
        {
            return Final(InitiativeRefusals.SupportClosed.Format(initiative.Status.ToWireName()));
        }

        var changed = initiative with { Supports = initiative.Supports + 1 };
        TimelineEntry? entry = null;
        var threshold = options.Value.ThresholdFor(initiative.Neighbourhood);
        if (changed.Supports >= threshold && !initiative.ThresholdReached)
        {
            var outcome = lifecycle.Decide(changed.State, new RecordSupportThreshold(changed.Supports, threshold), Actor.System);
            if (outcome.Succeeded)
            {
                changed = changed.With(outcome.State);
                entry = outcome.Entry;
            }
        }

        return await store.SaveSupportAsync(changed, entry, supporter, pendingToken, entry is null ? [] : ThresholdNotifications(changed), cancellationToken)
            ? Final(new SupportInitiative.Response(changed.TrackingCode, changed.Supports, changed.ThresholdReached))
            : Attempt<Outcome<SupportInitiative.Response>>.Conflict;
    }

    private static Attempt<Outcome<SupportInitiative.Response>> Final(Outcome<SupportInitiative.Response> outcome) => outcome;

    private List<SideEffect> ThresholdNotifications(InitiativeCase initiative)
    {
        var values = InitiativeMessages.Values(initiative, platform.Value);
        var recipients = new List<Recipient> { Recipient.ContactOf(initiative.TrackingCode), Recipient.Council };
        if (initiative.OwnerId is not null)
        {
            recipients.Add(Recipient.Official(initiative.OwnerId));
        }

        // The resident's address may not be theirs: their copy names the code, not the title someone typed.
        return recipients.Select(recipient => SideEffect.Notify(new Notification.AboutInitiative(
            $"{initiative.TrackingCode}-threshold-{recipient.Kind}", recipient,
            recipient.Kind == "contact" ? Notification.AboutInitiative.ThresholdReachedResident : Notification.AboutInitiative.ThresholdReached, values))).ToList();
    }
}
