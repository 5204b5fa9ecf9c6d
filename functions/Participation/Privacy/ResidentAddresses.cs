using Participation.App.Notifications;

namespace Participation.App.Privacy;

/// <summary>Notifications' view of the contacts this module keeps: an address at the moment of sending, within its hourly share.</summary>
public sealed class ResidentAddresses(ContactStore contacts, RecipientThrottle throttle) : IResidentAddresses
{
    public int MailsPerHour => throttle.Limit;

    public async Task<MailAddress?> FindAsync(string subject, CancellationToken cancellationToken) =>
        await contacts.FindAsync(subject, cancellationToken) is { } contact ? new MailAddress(contact.Email, contact.Locale) : null;

    public Task<bool> TryCountMailAsync(string email, CancellationToken cancellationToken) => throttle.TryCountAsync(email, cancellationToken);
}
