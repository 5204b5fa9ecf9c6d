using System.ComponentModel.DataAnnotations;

namespace Participation.App.Identity;

/// <summary><c>Identity:*</c> settings. Staff sign in with Entra ID, residents with the OIDC provider the municipality configures.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>Entra ID: a session slides for a working day.</summary>
    public OidcIssuerOptions Staff { get; set; } = new() { IdleTimeout = TimeSpan.FromHours(8) };

    /// <summary>DigiD's norm: signed out after 15 minutes without activity and after 2 hours in any case.</summary>
    public OidcIssuerOptions Residents { get; set; } = new() { IdleTimeout = TimeSpan.FromMinutes(15), AbsoluteTimeout = TimeSpan.FromHours(2) };

    /// <summary>
    /// The header the client's address is read from, as the Functions host passes it on; empty: X-Forwarded-For. Behind
    /// Azure Front Door, <c>X-Azure-SocketIP</c>: Front Door sets it, and the app accepts traffic from Front Door only.
    /// </summary>
    public string? ClientAddressHeader { get; set; }

    /// <summary>Secret key for pseudonyms (HMAC-SHA256). Required; in Azure a Key Vault reference.</summary>
    [Required, MinLength(32)]
    public string Pepper { get; set; } = "";
}

public sealed class OidcIssuerOptions
{
    /// <summary>OpenID Connect authority, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>. Empty: this kind of sign-in is off.</summary>
    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string RoleClaim { get; set; } = PlatformClaims.Role;
    public string NeighbourhoodClaim { get; set; } = PlatformClaims.Neighbourhood;
    public string TeamClaim { get; set; } = PlatformClaims.Team;

    /// <summary>The site's client registration (authorization code + PKCE). Empty: the site offers no sign-in of this kind; bearer tokens still work.</summary>
    public string? ClientId { get; set; }

    /// <summary>Client secret; in Azure a Key Vault reference.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes asked for at sign-in.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>Assurance level asked for (<c>acr_values</c>), e.g. DigiD "midden" through the broker; empty: the provider's default.</summary>
    public string? AcrValues { get; set; }

    /// <summary>The site's session ends after this long without a request.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The site's session ends this long after signing in, however active; null: no absolute limit.</summary>
    public TimeSpan? AbsoluteTimeout { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>A provider on this machine (the local test provider) may speak plain HTTP; anything else must use HTTPS.</summary>
    public bool IsLoopback => Uri.TryCreate(Authority, UriKind.Absolute, out var authority) && authority.IsLoopback;

    public bool OffersBrowserSignIn => IsConfigured && !string.IsNullOrWhiteSpace(ClientId);
}
