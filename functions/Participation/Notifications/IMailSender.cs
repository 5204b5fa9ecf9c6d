namespace Participation.App.Notifications;

/// <summary>Sends an e-mail; SendGrid when a key is configured, otherwise the local outbox a developer can read.</summary>
public interface IMailSender
{
    Task SendAsync(Email email, CancellationToken cancellationToken);
}
