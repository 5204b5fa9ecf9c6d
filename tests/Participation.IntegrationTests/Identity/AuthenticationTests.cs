using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Participation.App.Identity;
using Participation.IntegrationTests.Infrastructure;
using Participation.App.Demo;

namespace Participation.IntegrationTests.Identity;

/// <summary>Bad tokens are 401/403, never 500; the development sign-in exists only in Development.</summary>
public sealed class AuthenticationTests(SeededPlatform platform) : IClassFixture<SeededPlatform>
{
    private const string AdminOnly = "/api/admin/audit.csv";
    private readonly PlatformFactory factory = platform.Factory;

    [Fact]
    public async Task Development_token_of_the_right_role_is_accepted()
    {
        var admin = await factory.AsAsync("admin-ingrid");

        var response = await admin.GetAsync(AdminOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Missing_role_is_forbidden()
    {
        var resident = await factory.AsAsync("resident-sanne");

        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync(AdminOnly)).StatusCode);
    }

    [Fact]
    public async Task No_token_is_unauthorised()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(AdminOnly)).StatusCode);
    }

    public static TheoryData<string> BadTokens => ["expired", "wrong-issuer", "wrong-audience", "tampered", "foreign-key", "garbage"];

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Bad_token_is_unauthorised_never_a_server_error(string kind)
    {
        var signIn = factory.Services.GetRequiredService<DevelopmentSignIn>();
        var token = kind switch
        {
            "expired" => Token(signIn.SigningKey, DevelopmentSignIn.Issuer, DevelopmentSignIn.Audience, expires: DateTime.UtcNow.AddMinutes(-10)),
            "wrong-issuer" => Token(signIn.SigningKey, "https://evil.example.org", DevelopmentSignIn.Audience),
            "wrong-audience" => Token(signIn.SigningKey, DevelopmentSignIn.Issuer, "someone-else"),
            "tampered" => Tamper(Token(signIn.SigningKey, DevelopmentSignIn.Issuer, DevelopmentSignIn.Audience)),
            "foreign-key" => Token(new RsaSecurityKey(RSA.Create(2048)), DevelopmentSignIn.Issuer, DevelopmentSignIn.Audience),
            _ => "not.a.token",
        };
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync(AdminOnly);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Development_sign_in_is_refused_outside_development()
    {
        await using var production = new PlatformFactory(
            await Azurite.SharedConnectionStringAsync(),
            new Dictionary<string, string?> { ["FunctionHost:RunTriggers"] = "false", ["Identity:Pepper"] = new string('p', 40) },
            environment: "Production");
        var developmentToken = factory.Services.GetRequiredService<DevelopmentSignIn>().Issue(
            factory.Services.GetRequiredService<DemoUsers>().All.First(u => u.Id == "admin-ingrid"));
        var client = production.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/dev/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/dev/token", JsonContent.Create(new { userId = "admin-ingrid" }))).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", developmentToken);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(AdminOnly)).StatusCode);
    }

    private static string Token(SecurityKey key, string issuer, string audience, DateTime? expires = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim(PlatformClaims.Subject, "admin-ingrid"), new Claim(PlatformClaims.Role, Roles.Admin)]),
            IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    // Promote the subject to another role without re-signing: the signature no longer matches.
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("admin-ingrid", "admin-mallory", StringComparison.Ordinal);
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
    }
}
