using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Participation.App.Demo;

namespace Participation.App.Identity;

/// <summary>
/// Local sign-in without an Azure tenant: pick a demo user, get a token signed with a key generated at start, validated by the
/// same JWT bearer path as Entra ID tokens. It exists only when the environment is Development; elsewhere the endpoints
/// are not mapped and the development issuer is not trusted.
/// </summary>
public sealed class DevelopmentSignIn(TimeProvider clock)
{
    public const string Issuer = "https://participation.local/dev-sign-in";
    public const string Audience = "participation";
    public const string CookieName = "participation_token";

    public SecurityKey SigningKey { get; } = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "dev-" + Guid.NewGuid().ToString("N")[..8] };

    public sealed record DemoUser(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Neighbourhoods, IReadOnlyList<string> Teams, string Description);
    /// <summary><paramref name="Email"/>: for a demo resident, an address their sign-in vouches for, as a residents' provider may send one.</summary>
    public sealed record TokenRequest(string UserId, string? Email = null);
    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, DemoUser User);

    public string Issue(DemoUser user, TimeSpan? lifetime = null, string? verifiedEmail = null)
    {
        var claims = new List<Claim> { new(PlatformClaims.Subject, user.Id), new(PlatformClaims.Name, user.Name) };
        if (verifiedEmail is { Length: > 0 } && user.Roles.Contains(Roles.Resident))
        {
            claims.Add(new Claim(PlatformPrincipal.VerifiedEmail, verifiedEmail));
        }

        claims.AddRange(user.Roles.Select(r => new Claim(PlatformClaims.Role, r)));
        claims.AddRange(user.Neighbourhoods.Select(n => new Claim(PlatformClaims.Neighbourhood, n)));
        claims.AddRange(user.Teams.Select(t => new Claim(PlatformClaims.Team, t)));
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public static Ok<IReadOnlyList<DemoUser>> ListUsers(DemoUsers users) => TypedResults.Ok(users.All);

    public static Results<Ok<TokenResponse>, ProblemHttpResult> IssueToken(TokenRequest request, DemoUsers users, DevelopmentSignIn signIn, TimeProvider clock)
    {
        var user = users.All.FirstOrDefault(u => u.Id == request.UserId);
        if (user is null)
        {
            return TypedResults.Problem($"There is no demo user '{request.UserId}'.", statusCode: StatusCodes.Status400BadRequest, title: "Unknown demo user");
        }

        return TypedResults.Ok(new TokenResponse(signIn.Issue(user, verifiedEmail: request.Email), clock.GetUtcNow().AddHours(8), user));
    }
}
