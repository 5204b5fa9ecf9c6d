using System.Security.Cryptography;
using Participation.Initiatives;
using Participation.App.Initiatives;
using Participation.Initiatives.Lifecycle;
using Participation.App.Notifications;

namespace Participation.App.Privacy;

/// <summary>
/// AVG rights without an account, as one use case for the API and the page: a resident asks for a link at their e-mail
/// address; following it (within 24 hours) they see what we hold about them and can have it deleted. Asking never
/// reveals whether an address is known.
/// </summary>
public sealed class MyData(
    PrivacyRequestStore requests, ContactStore contacts, InitiativeStore initiatives, IEnumerable<IChatRecords> chats, IEnumerable<IInitiativeContent> content,
    INotifier notifier, IOptions<PlatformOptions> platform, TimeProvider clock)
{
    public const string Explanation =
        "We keep your e-mail address per request (and per initiative you follow), apart from its public content, to keep you informed; it is deleted a set time after the request is closed. Initiatives themselves stay public without your address. A question you left with the chatbot is kept with its conversation until it is answered and the retention period has passed.";

    public sealed record HeldContact(
        string Subject, string Email, string Locale, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt,
        string? InitiativeTitle, string? InitiativeStatus, ChatRecord? Chat);

    public sealed record Held(string Email, IReadOnlyList<HeldContact> Contacts, string Explanation);

    public sealed record Deleted(int ContactsDeleted, int ChatsDeleted);

    /// <summary>The answer to a link request, the same whether or not the address is known.</summary>
    public sealed record LinkRequested;

    public static bool IsValidEmail(string? email) =>
        !string.IsNullOrWhiteSpace(email) && email.Trim().Length <= 254 && new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim());

    /// <summary>Sends the link to a valid address; asking never reveals whether the address is known.</summary>
    public async Task<Outcome<LinkRequested>> RequestLinkAsync(string? email, string? locale, CancellationToken cancellationToken)
    {
        if (!IsValidEmail(email))
        {
            return PrivacyRefusals.EmailInvalid;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var now = clock.GetUtcNow();
        var language = locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "nl";
        // The address to answer is itself a contact that retention removes; the request row holds no address.
        await contacts.SaveAsync(new Contact(Subject(token), email!.Trim(), language, now, now), cancellationToken);
        await requests.AddAsync(token, now.AddHours(24), cancellationToken);
        var query = language == "en" ? "?lang=en" : "";
        await notifier.SendAsync(new Notification.PrivacyLink(token, Subject(token), $"{platform.Value.PublicBaseUrl.TrimEnd('/')}/privacy/{token}{query}"), cancellationToken);
        return new LinkRequested();
    }

    public async Task<Outcome<Held>> ExportAsync(string token, CancellationToken cancellationToken)
    {
        if (await VerifiedEmailAsync(token, cancellationToken) is not { } email)
        {
            return PrivacyRefusals.LinkInvalid;
        }

        var held = new List<HeldContact>();
        foreach (var contact in await contacts.FindByEmailAsync(email, cancellationToken))
        {
            // A follower's contact is "follow-{code}-{follower}": it belongs to that initiative.
            var code = contact.Subject.StartsWith("follow-", StringComparison.Ordinal) && !contact.Subject.StartsWith(Following.Followers.PendingPrefix, StringComparison.Ordinal) ? contact.Subject.Split('-')[1] : contact.Subject;
            var initiative = await initiatives.FindAsync(code, cancellationToken);
            ChatRecord? chat = null;
            foreach (var source in chats)
            {
                chat ??= await source.FindAsync(contact.Subject, cancellationToken);
            }

            held.Add(new HeldContact(contact.Subject, contact.Email, contact.Locale, contact.CreatedAt, contact.ClosedAt,
                initiative?.Title, initiative?.Status.ToWireName(), chat));
        }

        return new Held(email, held, Explanation);
    }

    public async Task<Outcome<Deleted>> DeleteAsync(string token, CancellationToken cancellationToken)
    {
        if (await VerifiedEmailAsync(token, cancellationToken) is not { } email)
        {
            return PrivacyRefusals.LinkInvalid;
        }

        var chatsDeleted = 0;
        foreach (var contact in await contacts.FindByEmailAsync(email, cancellationToken))
        {
            foreach (var source in chats)
            {
                chatsDeleted += await source.EraseAsync(contact.Subject, cancellationToken) ? 1 : 0;
            }

            foreach (var source in content)
            {
                await source.EraseAsync(contact.Subject, cancellationToken);
            }
        }

        var deleted = await contacts.DeleteByEmailAsync(email, cancellationToken);
        await requests.DeleteAsync(token, cancellationToken);
        return new Deleted(deleted, chatsDeleted);
    }

    private async Task<string?> VerifiedEmailAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length != 48 || !token.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        if (await requests.ExpiresAtAsync(token, cancellationToken) is not { } expiresAt || expiresAt < clock.GetUtcNow())
        {
            return null;
        }

        return (await contacts.FindAsync(Subject(token), cancellationToken))?.Email;
    }

    private static string Subject(string token) => "privacy-" + token;
}

/// <summary>What the chatbot holds about one contact (a question left for an e-mail answer), with addresses already redacted.</summary>
public sealed record ChatRecord(string Question, string? Topic, DateTimeOffset RegisteredAt, string Transcript);

/// <summary>
/// What a module keeps that the submitter added to their initiative beyond its public text (photos): erased with their
/// data. Called with every subject of the resident's contacts; a subject that is no initiative has nothing to erase.
/// </summary>
public interface IInitiativeContent
{
    Task<int> EraseAsync(string subject, CancellationToken cancellationToken);
}

/// <summary>The chat's share of a privacy request: the chatbot module finds and erases what it keeps for a contact.</summary>
public interface IChatRecords
{
    Task<ChatRecord?> FindAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Erases the question and its conversation; true when there was something to erase.</summary>
    Task<bool> EraseAsync(string subject, CancellationToken cancellationToken);
}
