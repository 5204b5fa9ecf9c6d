using Participation.Municipality;
using Participation.App.Routing;

namespace Participation.App.Notifications;

/// <summary>An address to write to, in the language the recipient reads.</summary>
public sealed record MailAddress(string Email, string Locale);

/// <summary>Resolves a notification's recipient reference to an address at the moment of sending, so no address travels in a queue.</summary>
public sealed class RecipientDirectory(
    RoutingDirectory routing, IResidentAddresses residents, IOptions<MunicipalityOptions> municipality, ILogger<RecipientDirectory> logger)
{
    /// <summary>
    /// As <see cref="FindAsync"/>, but a resident's address that had its hourly share of e-mails yields null: the
    /// notification is dropped rather than retried, because retrying is what a flood wants.
    /// </summary>
    public async Task<MailAddress?> FindUnlessThrottledAsync(NotificationRequested message, CancellationToken cancellationToken)
    {
        var address = await FindAsync(message.To, cancellationToken);
        if (address is null || message.To.Kind != "contact" || await residents.TryCountMailAsync(address.Email, cancellationToken))
        {
            return address;
        }

        logger.Throttled(message.NotificationId, residents.MailsPerHour);
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
                return await residents.FindAsync(recipient.Id, cancellationToken);
            case "council":
                return new MailAddress(municipality.Value.CouncilClerkEmail, "nl");
            case "manager":
                return new MailAddress(municipality.Value.ServiceManagerEmail, "nl");
            default:
                throw new ArgumentException($"Unknown recipient kind '{recipient.Kind}'.", nameof(recipient));
        }
    }
}
