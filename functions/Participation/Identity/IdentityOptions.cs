using System.ComponentModel.DataAnnotations;

namespace Participation.Identity;

/// <summary><c>Identity:*</c> settings. Staff sign in with Entra ID, residents with the OIDC provider the municipality configures.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    public OidcIssuerOptions Staff { get; set; } = new();
    public OidcIssuerOptions Residents { get; set; } = new();

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

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
