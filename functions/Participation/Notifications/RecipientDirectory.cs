using Microsoft.Extensions.Options;
using Participation.Municipality;
using Participation.Privacy;
using Participation.Routing;

namespace Participation.Notifications;

/// <summary>An address to write to, in the language the recipient reads.</summary>
public sealed record MailAddress(string Email, string Locale);

/// <summary>Resolves a notification's recipient reference to an address at the moment of sending, so no address travels in a queue.</summary>
public sealed class RecipientDirectory(
    RoutingDirectory routing, ContactStore contacts, IOptions<MunicipalityOptions> municipality, RecipientThrottle throttle, ILogger<RecipientDirectory> logger)
{
    /// <summary>
    /// As <see cref="FindAsync"/>, but a resident's address that had its hourly share of e-mails yields null: the
    /// notification is dropped rather than retried, because retrying is what a flood wants.
    /// </summary>
    public async Task<MailAddress?> FindUnlessThrottledAsync(NotificationRequested message, CancellationToken cancellationToken)
    {
        var address = await FindAsync(message.To, cancellationToken);
        if (address is null || message.To.Kind != "contact" || await throttle.TryCountAsync(address.Email, cancellationToken))
        {
            return address;
        }

        logger.Throttled(message.NotificationId, throttle.Limit);
        return null;
    }

    public async Task<MailAddress?> FindAsync(Recipient recipient, CancellationToken cancellationToken)
    {
        switch (recipient.Kind)
        {
            case "official":
                var official = (await routing.CurrentAsync(cancellationToken)).Officials.FirstOrDefault(o => o.Id == recipient.Id);
                return official is null ? null : new MailAddress(official.Email, "nl");
            case "contact":
                var contact = await contacts.FindAsync(recipient.Id, cancellationToken);
                return contact is null ? null : new MailAddress(contact.Email, contact.Locale);
            case "council":
                return new MailAddress(municipality.Value.CouncilClerkEmail, "nl");
            case "manager":
                return new MailAddress(municipality.Value.ServiceManagerEmail, "nl");
            default:
                throw new ArgumentException($"Unknown recipient kind '{recipient.Kind}'.", nameof(recipient));
        }
    }
}
