using Participation.Initiatives.Deadlines;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;

namespace Participation.App.Initiatives;

/// <summary>
/// The resident answers the official's question on the same timeline. They prove to be the submitter with the reply
/// key from the e-mail, or by being the signed-in resident who submitted it.
/// </summary>
public sealed class ReplyToInitiative(
    InitiativeStore store, InitiativeLifecycle lifecycle, Pseudonyms pseudonyms, ServiceLevels serviceLevels, IOptions<PlatformOptions> platform)
{
    public sealed record Request(string? Message, string? Key);

    public static string KeyFor(Pseudonyms pseudonyms, string trackingCode) => pseudonyms.For("reply", trackingCode)[..32];

    /// <summary>The reply key from the e-mail, or the signed-in resident who submitted the initiative.</summary>
    public static bool IsSubmitter(InitiativeCase initiative, string? key, PlatformUser? user, Pseudonyms pseudonyms) =>
        (key is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(key), System.Text.Encoding.ASCII.GetBytes(KeyFor(pseudonyms, initiative.TrackingCode))))
        || (user is not null && initiative.SubmitterId == "resident-" + pseudonyms.For("submitter", user.Id));

    /// <param name="user">The signed-in user, if any: the submitter needs no key.</param>
    public async Task<Outcome<TrackInitiative.TimelineItem>> HandleAsync(string trackingCode, Request request, PlatformUser? user, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return InitiativeRefusals.NotFound;
        }

        if (!IsSubmitter(initiative, request.Key, user, pseudonyms))
        {
            // Same answer as an unknown code: the reply form does not confirm which initiatives exist.
            return InitiativeRefusals.NotFound;
        }

        if (string.IsNullOrWhiteSpace(request.Message) || request.Message.Length > SubmitInitiative.MaxDescription)
        {
            return InitiativeRefusals.ReplyMissing;
        }

        var outcome = lifecycle.Decide(initiative.State, new ReplyToQuestion(request.Message.Trim()), new Actor(ActorKind.Resident, initiative.SubmitterId));
        if (!outcome.Succeeded)
        {
            return InitiativeRefusals.NoQuestionWaiting with { English = outcome.Refusal.Message };
        }

        var changed = initiative.With(outcome.State) with
        {
            DueDate = serviceLevels.DueFor(ServiceLevels.Initiative, outcome.State.Status, outcome.Entry.At)?.DueBy ?? initiative.DueDate,
        };
        List<SideEffect> effects = changed.OwnerId is null ? [] :
        [
            SideEffect.Notify(new Notification.AboutInitiative(
                $"{changed.TrackingCode}-replied-{outcome.Entry.At.UtcTicks}", Recipient.Official(changed.OwnerId), Notification.AboutInitiative.QuestionAnswered,
                new Dictionary<string, string>(InitiativeMessages.Values(changed, platform.Value))
                {
                    // The answer itself is read from the timeline when the mail is sent (QuestionAnsweredContent).
                    ["repliedAt"] = outcome.Entry.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                })),
        ];
        if (!await store.SaveAsync(changed, outcome.Entry, null, null, null, cancellationToken, effects: effects))
        {
            return InitiativeRefusals.ReplyChangedMeanwhile;
        }

        return new TrackInitiative.TimelineItem(outcome.Entry.At, outcome.Entry.Status.ToWireName(), outcome.Entry.PublicMessage);
    }
}
