using System.Security.Cryptography;
using Participation.Initiatives.Lifecycle;
using Participation.App.MyPage;
using Participation.App.Notifications;
using Participation.App.Privacy;

namespace Participation.App.Initiatives;

/// <summary>
/// Steunbetuigingen: a resident supports an initiative once. The support row is keyed by the resident's pseudonym in
/// the initiative's partition and inserted with the count in one transaction, so a second support fails on its key
/// even when two requests race, and the count never drifts. Reaching the neighbourhood's threshold is recorded once.
/// </summary>
public sealed class SupportInitiative(
    InitiativeStore store, ContactStore contacts, SupportCounter counter, INotifier notifier, Pseudonyms pseudonyms, ResidentActivity activity,
    IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public sealed record Response(string TrackingCode, int Supports, bool ThresholdReached);
    public sealed record EmailRequest(string? Email, string? Locale);
    public sealed record ConfirmRequest(string? Token);

    /// <summary>A signed-in resident supports.</summary>
    public async Task<Outcome<Response>> BySignedInResidentAsync(string trackingCode, PlatformUser resident, CancellationToken cancellationToken)
    {
        var outcome = await counter.AddAsync(trackingCode, SupporterOf(resident, pseudonyms), cancellationToken);
        if (outcome.Succeeded)
        {
            await activity.RecordAsync(resident, ResidentActivity.Supported, outcome.Value!.TrackingCode, cancellationToken);
        }

        return outcome;
    }

    /// <summary>A signed-in resident's supporter pseudonym: their support row in the initiative's partition.</summary>
    public static string SupporterOf(PlatformUser user, Pseudonyms pseudonyms) => pseudonyms.For("support", user.Id);

    /// <summary>A resident without an account asks for a confirmation link; the support counts once they follow it.</summary>
    public async Task<Outcome<string>> ByEmailAsync(string trackingCode, EmailRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(request.Email.Trim()))
        {
            return InitiativeRefusals.SupportEmailInvalid;
        }

        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return InitiativeRefusals.NotFound;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var now = clock.GetUtcNow();
        var locale = request.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
        // A pending confirmation is a contact that is closed at once: retention removes it even if never confirmed.
        await contacts.SaveAsync(new Contact(PendingSubject(token), request.Email.Trim(), locale, now, now), cancellationToken);
        await store.AddPendingSupportAsync(initiative.TrackingCode, token, now.AddHours(24), cancellationToken);
        var values = InitiativeMessages.Values(initiative, platform.Value);
        values["confirmUrl"] = $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/initiatieven/{initiative.TrackingCode}/steun?token={token}";
        await notifier.SendAsync(new Notification.AboutInitiative($"{initiative.TrackingCode}-support-{token}", Recipient.ContactOf(PendingSubject(token)), Notification.AboutInitiative.SupportConfirm, values), cancellationToken);
        return initiative.TrackingCode;
    }

    /// <summary>The link in the confirmation e-mail: the e-mail address's pseudonym becomes the supporter.</summary>
    public async Task<Outcome<Response>> ConfirmAsync(string trackingCode, ConfirmRequest request, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _))
        {
            return InitiativeRefusals.NotFound;
        }

        var token = request.Token?.Trim() ?? "";
        var expiresAt = token.Length == 40 && token.All(char.IsAsciiHexDigitLower)
            ? await store.FindPendingSupportAsync(code.Value, token, cancellationToken)
            : null;
        var contact = expiresAt is not null ? await contacts.FindAsync(PendingSubject(token), cancellationToken) : null;
        if (expiresAt is null || contact is null || expiresAt < clock.GetUtcNow())
        {
            return InitiativeRefusals.SupportLinkInvalid;
        }

        // Canonical, so plus-addressing or dots at Gmail do not make one resident many supporters.
        var outcome = await counter.AddAsync(code.Value, pseudonyms.For("support", EmailAddresses.Canonical(contact.Email)), cancellationToken, pendingToken: token);
        if (!outcome.Succeeded)
        {
            // Not counted (supported already, or closed meanwhile): the link is used up all the same.
            await store.RemovePendingSupportAsync(code.Value, token, cancellationToken);
        }

        return outcome;
    }

    private static string PendingSubject(string token) => "support-" + token;
}
