using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Participation.Identity;
using Participation.Initiatives.Lifecycle;
using Participation.Municipality.Tracking;
using Participation.MyPage;
using Participation.Notifications;
using Participation.Privacy;
using Participation.Storage;

namespace Participation.Initiatives;

/// <summary>
/// Steunbetuigingen: a resident supports an initiative once. The support row is keyed by the resident's pseudonym in
/// the initiative's partition and inserted with the count in one transaction, so a second support fails on its key
/// even when two requests race, and the count never drifts. Reaching the neighbourhood's threshold is recorded once.
/// </summary>
public static class SupportInitiative
{
    public sealed record Response(string TrackingCode, int Supports, bool ThresholdReached);
    public sealed record EmailRequest(string? Email, string? Locale);
    public sealed record ConfirmRequest(string? Token);

    /// <summary>A signed-in resident supports.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult>> BySignedInResidentAsync(
        string trackingCode, HttpContext http, SupportCounter counter, Pseudonyms pseudonyms, ResidentActivity activity, CancellationToken cancellationToken)
    {
        var user = PlatformUser.From(http.User)!;
        var result = await counter.AddAsync(trackingCode, SupporterOf(user, pseudonyms), cancellationToken);
        if (result.Result is Ok<Response> { Value: { } counted })
        {
            await activity.RecordAsync(user, ResidentActivity.Supported, counted.TrackingCode, cancellationToken);
        }

        return result;
    }

    /// <summary>A signed-in resident's supporter pseudonym: their support row in the initiative's partition.</summary>
    public static string SupporterOf(PlatformUser user, Pseudonyms pseudonyms) => pseudonyms.For("support", user.Id);

    /// <summary>A resident without an account asks for a confirmation link; the support counts once they follow it.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult, ValidationProblem>> ByEmailAsync(
        string trackingCode, EmailRequest request, InitiativeStore store, ContactStore contacts, QueueSender queue,
        IOptions<PlatformOptions> platform, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(request.Email.Trim()))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["email"] = ["Give a valid e-mail address to confirm your support."] });
        }

        if (!TrackingCode.TryParse(trackingCode, out var code, out _) || await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
        {
            return TrackInitiative.NotFound(trackingCode);
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        var now = clock.GetUtcNow();
        var locale = request.Locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
        // A pending confirmation is a contact that is closed at once: retention removes it even if never confirmed.
        await contacts.SaveAsync(new Contact(PendingSubject(token), request.Email.Trim(), locale, now, now), cancellationToken);
        await store.Cases.AddEntityAsync(new TableEntity(initiative.TrackingCode, $"pending-support|{token}") { ["ExpiresAt"] = now.AddHours(24) }, cancellationToken);
        var values = InitiativeMessages.Values(initiative, platform.Value);
        values["confirmUrl"] = $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/initiatieven/{initiative.TrackingCode}/steun?token={token}";
        await queue.SendAsync(SendNotification.Queue, new NotificationRequested($"{initiative.TrackingCode}-support-{token}", "support-confirm", Recipient.ContactOf(PendingSubject(token)), values), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>The link in the confirmation e-mail: the e-mail address's pseudonym becomes the supporter.</summary>
    public static async Task<Results<Ok<Response>, ProblemHttpResult, ValidationProblem>> ConfirmAsync(
        string trackingCode, ConfirmRequest request, InitiativeStore store, ContactStore contacts, SupportCounter counter, Pseudonyms pseudonyms,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _))
        {
            return TrackInitiative.NotFound(trackingCode);
        }

        var token = request.Token?.Trim() ?? "";
        var pending = token.Length == 40 && token.All(char.IsAsciiHexDigitLower)
            ? await store.Cases.GetEntityIfExistsAsync<TableEntity>(code.Value, $"pending-support|{token}", cancellationToken: cancellationToken)
            : null;
        var contact = pending?.HasValue == true ? await contacts.FindAsync(PendingSubject(token), cancellationToken) : null;
        if (pending?.HasValue != true || contact is null || pending.Value!.GetDateTimeOffset("ExpiresAt") < clock.GetUtcNow())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["This confirmation link is not valid (any more). Ask for a new one."] });
        }

        // Canonical, so plus-addressing or dots at Gmail do not make one resident many supporters.
        var result = await counter.AddAsync(code.Value, pseudonyms.For("support", EmailAddresses.Canonical(contact.Email)), cancellationToken);
        await store.Cases.DeleteEntityAsync(code.Value, $"pending-support|{token}", ETag.All, cancellationToken);
        return result.Result switch
        {
            Ok<Response> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected support outcome."),
        };
    }

    private static string PendingSubject(string token) => "support-" + token;
}

/// <summary>Adds one support and records the threshold; shared by both ways of supporting.</summary>
public sealed class SupportCounter(
    InitiativeStore store, InitiativeLifecycle lifecycle, IOptions<InitiativesOptions> options, IOptions<PlatformOptions> platform)
{
    /// <summary>Whether this supporter's support is counted for the initiative (its row in the case's partition).</summary>
    public async Task<bool> HasSupportedAsync(string trackingCode, string supporter, CancellationToken cancellationToken) =>
        TrackingCode.TryParse(trackingCode, out var code, out _) &&
        (await store.Cases.GetEntityIfExistsAsync<TableEntity>(code.Value, SupportRow(supporter), select: ["RowKey"], cancellationToken: cancellationToken)).HasValue;

    private static string SupportRow(string supporter) => $"support|{supporter}";

    public async Task<Results<Ok<SupportInitiative.Response>, ProblemHttpResult>> AddAsync(
        string trackingCode, string supporter, CancellationToken cancellationToken)
    {
        if (!TrackingCode.TryParse(trackingCode, out var code, out _))
        {
            return TrackInitiative.NotFound(trackingCode);
        }

        var supportRow = SupportRow(supporter);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            if (await store.FindAsync(code.Value, cancellationToken) is not { } initiative)
            {
                return TrackInitiative.NotFound(trackingCode);
            }

            if ((await store.Cases.GetEntityIfExistsAsync<TableEntity>(code.Value, supportRow, cancellationToken: cancellationToken)).HasValue)
            {
                return TypedResults.Problem("You already support this initiative; each resident counts once.", statusCode: StatusCodes.Status409Conflict, title: "Already supported");
            }

            if (initiative.Status.IsClosed())
            {
                return TypedResults.Problem($"This initiative is {initiative.Status.ToWireName()} and takes no more support.", statusCode: StatusCodes.Status409Conflict, title: "Closed");
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

            var support = new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(code.Value, supportRow));
            if (await store.SaveAsync(changed, entry, null, null, null, cancellationToken, [support], entry is null ? [] : ThresholdNotifications(changed)))
            {
                return TypedResults.Ok(new SupportInitiative.Response(changed.TrackingCode, changed.Supports, changed.ThresholdReached));
            }
        }

        throw new InvalidOperationException($"Support for {trackingCode} kept conflicting with other changes.");
    }

    private List<SideEffect> ThresholdNotifications(InitiativeCase initiative)
    {
        var values = InitiativeMessages.Values(initiative, platform.Value);
        var recipients = new List<Recipient> { Recipient.ContactOf(initiative.TrackingCode), Recipient.Council };
        if (initiative.OwnerId is not null)
        {
            recipients.Add(Recipient.Official(initiative.OwnerId));
        }

        // The resident's address may not be theirs: their copy names the code, not the title someone typed.
        return recipients.Select(recipient => SideEffect.Notify(new NotificationRequested(
            $"{initiative.TrackingCode}-threshold-{recipient.Kind}",
            recipient.Kind == "contact" ? "threshold-reached-resident" : "threshold-reached", recipient, values))).ToList();
    }
}
