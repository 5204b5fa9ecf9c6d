using SendGrid;
using SendGrid.Helpers.Mail;

namespace Participation.App.Notifications;

public sealed class SendGridMailSender(IOptions<SendGridOptions> options, IHttpClientFactory httpClients) : IMailSender
{
    public async Task SendAsync(Email email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var clientOptions = new SendGridClientOptions { ApiKey = settings.ApiKey };
        if (!string.IsNullOrEmpty(settings.Host))
        {
            clientOptions.Host = settings.Host;
        }

        var client = new SendGridClient(httpClients.CreateClient(nameof(SendGridMailSender)), clientOptions);
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(settings.FromAddress, settings.FromName), new EmailAddress(email.To), email.Subject, email.Body, htmlContent: null);
        // Lets SendGrid drop a resend of the same notification within its dedupe window as well.
        message.AddCustomArg("notification_id", email.NotificationId);
        foreach (var (name, value) in email.Headers ?? new Dictionary<string, string>())
        {
            message.AddHeader(name, value);
        }

        var response = await client.SendEmailAsync(message, cancellationToken);
        // The SendGrid client does not throw on an error answer: without this check a failed e-mail would count as sent.
        if (!response.IsSuccessStatusCode)
        {
            throw new MailNotSentException((int)response.StatusCode);
        }
    }
}

public sealed class MailNotSentException(int status) : Exception($"SendGrid answered {status}; the e-mail was not accepted.")
{
    public int Status { get; } = status;
}
