using System.Security.Claims;

namespace Participation.App.Identity;

/// <summary>
/// What the platform keeps of a provider's token: for staff their id, name, roles, neighbourhoods and teams; for residents
/// only a pseudonym of the subject, the role the server grants and the assurance level. Everything else the provider sent
/// (a BSN in the subject, a name, roles a resident's provider should never have sent) is dropped here, before a cookie or a
/// handler sees it.
/// </summary>
public static class PlatformPrincipal
{
    public const string AssuranceLevel = "acr";

    /// <summary>An address the residents' provider marked verified (<c>email_verified</c>): lets a resident follow an initiative with one click.</summary>
    public const string VerifiedEmail = "email";

    /// <summary>Purpose of the HMAC that turns a resident provider's subject into the platform's resident id.</summary>
    public const string ResidentPurpose = "resident";

    public static ClaimsPrincipal Staff(ClaimsPrincipal fromProvider, OidcIssuerOptions issuer, string authenticationType)
    {
        var subject = fromProvider.FindFirstValue(PlatformClaims.Subject) ?? throw new InvalidOperationException("The staff token has no subject.");
        var claims = new List<Claim> { new(PlatformClaims.Subject, subject) };
        if (fromProvider.FindFirstValue(PlatformClaims.Name) is { Length: > 0 } name)
        {
            claims.Add(new Claim(PlatformClaims.Name, name));
        }

        // Staff roles only: 'resident' is granted by the server to residents' sign-ins, never taken from a staff token.
        claims.AddRange(Values(fromProvider, issuer.RoleClaim).Where(r => Roles.All.Contains(r) && r != Roles.Resident).Select(r => new Claim(PlatformClaims.Role, r)));
        claims.AddRange(Values(fromProvider, issuer.NeighbourhoodClaim).Select(n => new Claim(PlatformClaims.Neighbourhood, n)));
        claims.AddRange(Values(fromProvider, issuer.TeamClaim).Select(t => new Claim(PlatformClaims.Team, t)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, PlatformClaims.Name, PlatformClaims.Role));
    }

    public static ClaimsPrincipal Resident(ClaimsPrincipal fromProvider, Pseudonyms pseudonyms, string authenticationType)
    {
        var subject = fromProvider.FindFirstValue(PlatformClaims.Subject) ?? throw new InvalidOperationException("The resident token has no subject.");
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, pseudonyms.For(ResidentPurpose, subject)),
            new(PlatformClaims.Name, "Inwoner"),
            new(PlatformClaims.Role, Roles.Resident),
        };
        if (fromProvider.FindFirstValue(AssuranceLevel) is { Length: > 0 } acr)
        {
            claims.Add(new Claim(AssuranceLevel, acr));
        }

        // Kept in the resident's own session only, never stored with their pseudonym; an unverified address proves nothing.
        if (fromProvider.FindFirstValue(VerifiedEmail) is { Length: > 0 } email
            && string.Equals(fromProvider.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            claims.Add(new Claim(VerifiedEmail, email));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, PlatformClaims.Name, PlatformClaims.Role));
    }

    private static IEnumerable<string> Values(ClaimsPrincipal principal, string type) =>
        principal.FindAll(type).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal);
}
