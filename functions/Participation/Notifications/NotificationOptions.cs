using System.ComponentModel.DataAnnotations;

namespace Participation.App.Notifications;

public sealed class SendGridOptions
{
    public const string Section = "SendGrid";

    /// <summary>Empty (or an unresolved Key Vault reference): e-mail goes to the outbox table instead.</summary>
    public string? ApiKey { get; set; }
    [Required, EmailAddress]
    public string FromAddress { get; set; } = "noreply@participatie.example.org";
    public string FromName { get; set; } = "Gemeente";
    /// <summary>Only for tests: a loopback stub of the SendGrid API.</summary>
    public string? Host { get; set; }

    // App Service passes "@Microsoft.KeyVault(...)" through unchanged when the secret is missing: that is no key.
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey) && !ApiKey.StartsWith("@Microsoft.KeyVault", StringComparison.OrdinalIgnoreCase);
}

public sealed class PlatformOptions
{
    public const string Section = "Platform";

    /// <summary>Public address of the site, for links in e-mails.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>
    /// The configured public address; without one (a developer's machine), the address the app itself listens on — the
    /// first of <c>urls</c>, else <c>PORT</c> — so links in e-mails work on whatever port it runs.
    /// </summary>
    public static string PublicBaseUrlOf(IConfiguration configuration)
    {
        if (configuration[$"{Section}:{nameof(PublicBaseUrl)}"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var listening = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => u.StartsWith("http", StringComparison.OrdinalIgnoreCase));
        if (listening is not null)
        {
            // A wildcard binding is reachable on this machine at the loopback address.
            return System.Text.RegularExpressions.Regex.Replace(listening.TrimEnd('/'), @"//(\*|\+|0\.0\.0\.0|\[::\])(?=[:/]|$)", "//127.0.0.1");
        }

        return $"http://127.0.0.1:{configuration["PORT"] ?? "7071"}";
    }
}
