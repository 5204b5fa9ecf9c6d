using System.ComponentModel.DataAnnotations;

namespace Participation.Notifications;

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
}

public sealed class MunicipalityOptions
{
    public const string Section = "Municipality";

    [Required]
    public string Name { get; set; } = "Gemeente Voorbeeldstad";
    [Required, EmailAddress]
    public string CouncilClerkEmail { get; set; } = "griffie@voorbeeldstad.example.org";
    [Required, EmailAddress]
    public string ServiceManagerEmail { get; set; } = "dienstverlening@voorbeeldstad.example.org";
}
