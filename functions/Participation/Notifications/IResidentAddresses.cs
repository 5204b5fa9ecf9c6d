namespace Participation.App.Notifications;

/// <summary>
/// Where residents' addresses are kept, and how many e-mails an address may get, is the privacy module's business:
/// notifications ask for an address only at the moment of sending, through this.
/// </summary>
public interface IResidentAddresses
{
    /// <summary>The address of a contact (by its subject), or null when it was deleted.</summary>
    Task<MailAddress?> FindAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Counts one e-mail to <paramref name="email"/>; false when the address already had its share this hour.</summary>
    Task<bool> TryCountMailAsync(string email, CancellationToken cancellationToken);

    /// <summary>How many e-mails one address may get per hour.</summary>
    int MailsPerHour { get; }
}
