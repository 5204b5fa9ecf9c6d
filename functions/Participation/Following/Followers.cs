using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;
using Participation.App.Privacy;

namespace Participation.App.Following;

/// <summary>
/// Following an initiative by e-mail, with double opt-in. A request stores only a pending confirmation: the address as a
/// contact that is closed at once (so retention removes it even if nobody confirms) and a row with an expiry in the
/// initiative's partition. Opening the link makes the address a follower: a contact under the subject
/// <c>follow-{code}-{follower}</c>, where the follower id is a pseudonym of the canonical address, so confirming twice
/// (or following with a plus-tagged variant) is still one follower. Follower addresses are contacts like any other:
/// the privacy export and deletion find them by address, and they are closed with the case and removed after retention.
/// </summary>
public sealed class Followers(
    ContactStore contacts, InitiativeStore initiatives, INotifier notifier, Pseudonyms pseudonyms, IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public const string PendingPrefix = "follow-pending-";
    private const string PendingRow = "pending-follow|";
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>The address a signed-in resident's provider vouched for, if it sent a valid one: following it needs no link.</summary>
    public static string? VerifiedEmailOf(ClaimsPrincipal user) =>
        user.FindFirstValue(PlatformPrincipal.VerifiedEmail) is { } email && MyData.IsValidEmail(email) ? email.Trim() : null;

    public abstract record Outcome;
    /// <summary>The same answer whether the address already follows, is new, or the request repeats: nothing to enumerate.</summary>
    public sealed record Requested : Outcome;
    public sealed record Following(string TrackingCode) : Outcome;
    public sealed record Unfollowed(string TrackingCode) : Outcome;
    public sealed record NotFound : Outcome;
    /// <summary>Unknown, expired or used link, or a wrong unsubscribe key: one answer for each, so a link cannot be probed.</summary>
    public sealed record LinkInvalid : Outcome;

    public static string SubjectPrefix(string trackingCode) => $"follow-{trackingCode}-";

    public string FollowerId(string email) => pseudonyms.For("follower", EmailAddresses.Canonical(email))[..32];

    public string UnsubscribeKey(string trackingCode, string followerId) => pseudonyms.For("unfollow", trackingCode + "|" + followerId)[..32];

    /// <summary>The one-click link in every follower's e-mail and in its List-Unsubscribe header.</summary>
    public string UnsubscribeUrl(string trackingCode, string followerId) =>
        $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/initiatieven/{trackingCode}/afmelden?volger={followerId}&sleutel={UnsubscribeKey(trackingCode, followerId)}";

    /// <summary>Sends the confirmation link; the caller has checked the address with <see cref="MyData.IsValidEmail"/>.</summary>
    public async Task<Outcome> RequestAsync(string trackingCode, string email, string? locale, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return new NotFound();
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var now = clock.GetUtcNow();
        var language = locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
        await contacts.SaveAsync(new Contact(PendingPrefix + token, email.Trim(), language, now, now), cancellationToken);
        await initiatives.Cases.AddEntityAsync(new TableEntity(initiative.TrackingCode, PendingRow + token) { ["ExpiresAt"] = now + LinkLifetime }, cancellationToken);
        var baseUrl = platform.Value.PublicBaseUrl.TrimEnd('/');
        // The address may not be the requester's: the mail names the code and links, never the title a resident typed.
        await notifier.SendAsync(new Notification.FollowConfirm(initiative.TrackingCode, token, PendingPrefix + token,
            $"{baseUrl}/initiatieven/{initiative.TrackingCode}",
            $"{baseUrl}/initiatieven/{initiative.TrackingCode}/volgen/bevestigen?token={token}" + (language == "en" ? "&lang=en" : "")), cancellationToken);
        return new Requested();
    }

    /// <summary>The link from the confirmation e-mail: only now is the address stored as a follower.</summary>
    public async Task<Outcome> ConfirmAsync(string trackingCode, string? token, CancellationToken cancellationToken)
    {
        token = token?.Trim() ?? "";
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || token.Length != 40 || !token.All(char.IsAsciiHexDigitLower))
        {
            return new LinkInvalid();
        }

        var pending = await initiatives.Cases.GetEntityIfExistsAsync<TableEntity>(code.Value, PendingRow + token, cancellationToken: cancellationToken);
        var contact = pending.HasValue ? await contacts.FindAsync(PendingPrefix + token, cancellationToken) : null;
        if (!pending.HasValue || contact is null || pending.Value!.GetDateTimeOffset("ExpiresAt") < clock.GetUtcNow()
            || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return new LinkInvalid();
        }

        await FollowAsync(initiative, contact.Email, contact.Locale, cancellationToken);
        // The address now lives in the follower's contact; the pending copy and the link go.
        await initiatives.Cases.DeleteEntityAsync(code.Value, PendingRow + token, ETag.All, cancellationToken);
        await contacts.DeleteSubjectAsync(PendingPrefix + token, cancellationToken);
        return new Following(initiative.TrackingCode);
    }

    /// <summary>
    /// A signed-in resident follows with one click, with the address their sign-in vouches for (a verified
    /// <c>email</c> claim): no confirmation mail, because the provider already confirmed the address.
    /// </summary>
    public async Task<Outcome> FollowVerifiedAsync(string trackingCode, string verifiedEmail, string? locale, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await initiatives.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return new NotFound();
        }

        await FollowAsync(initiative, verifiedEmail, locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl", cancellationToken);
        return new Following(initiative.TrackingCode);
    }

    public async Task<bool> IsFollowingAsync(string trackingCode, string email, CancellationToken cancellationToken) =>
        await contacts.FindAsync(SubjectPrefix(trackingCode) + FollowerId(email), cancellationToken) is not null;

    /// <summary>Stops following: by the key in the e-mail (one click, no sign-in) — the key is checked in constant time.</summary>
    public async Task<Outcome> UnfollowAsync(string trackingCode, string? followerId, string? key, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || followerId is not { Length: 32 } || key is not { Length: 32 }
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(UnsubscribeKey(code.Value, followerId))))
        {
            return new LinkInvalid();
        }

        // Unsubscribing twice is fine: the second finds nothing and says the same.
        await contacts.DeleteSubjectAsync(SubjectPrefix(code.Value) + followerId, cancellationToken);
        return new Unfollowed(code.Value);
    }

    /// <summary>A signed-in resident stops following with the address their sign-in vouches for.</summary>
    public async Task<Outcome> UnfollowVerifiedAsync(string trackingCode, string verifiedEmail, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _))
        {
            return new NotFound();
        }

        await contacts.DeleteSubjectAsync(SubjectPrefix(code.Value) + FollowerId(verifiedEmail), cancellationToken);
        return new Unfollowed(code.Value);
    }

    /// <summary>Confirmed followers of one initiative, by follower id (never by address: the address is read when sending).</summary>
    public async Task<IReadOnlyList<string>> FollowerIdsAsync(string trackingCode, CancellationToken cancellationToken) =>
        [.. (await contacts.FindByPrefixAsync(SubjectPrefix(trackingCode), cancellationToken)).Select(c => c.Subject[SubjectPrefix(trackingCode).Length..])];

    private async Task FollowAsync(InitiativeCase initiative, string email, string locale, CancellationToken cancellationToken)
    {
        var subject = SubjectPrefix(initiative.TrackingCode) + FollowerId(email);
        var existing = await contacts.FindAsync(subject, cancellationToken);
        var now = clock.GetUtcNow();
        // Following a closed case starts its retention at once, as the case's own contact's did when it closed.
        var closedAt = existing?.ClosedAt ?? (initiative.Status.IsClosed() ? initiative.DecidedAt ?? now : null);
        await contacts.SaveAsync(new Contact(subject, email.Trim(), locale, existing?.CreatedAt ?? now, closedAt), cancellationToken);
    }
}
