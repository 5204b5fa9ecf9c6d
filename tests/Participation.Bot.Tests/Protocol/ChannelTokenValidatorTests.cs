using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Participation.Bot.Protocol;
using Participation.Testing;

namespace Participation.Bot.Tests.Protocol;

/// <summary>Tokens are signed with a key made here; the OpenID metadata and key set are served in-process.</summary>
public sealed class ChannelTokenValidatorTests : IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string Issuer = "https://api.botframework.com";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    private const string MetadataUrl = "https://login.test/v1/.well-known/openidconfiguration";
    private readonly RSA rsa = RSA.Create(2048);
    private readonly RSA stranger = RSA.Create(2048);
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly ChannelTokenValidator validator;

    public ChannelTokenValidatorTests()
    {
        var keys = SigningKeys.KeySet(rsa, "msteams", "webchat", "directline");
        var metadata = new JsonObject
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = "https://login.test/v1/keys",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        var documents = new InMemoryDocuments(new Dictionary<string, string>
        {
            [MetadataUrl] = metadata.ToJsonString(),
            ["https://login.test/v1/keys"] = keys.ToJsonString(),
        });
        var manager = new ConfigurationManager<OpenIdConnectConfiguration>(MetadataUrl, new OpenIdConnectConfigurationRetriever(), documents);
        validator = new ChannelTokenValidator(manager, Options.Create(new BotConnectorOptions { MicrosoftAppId = AppId, OpenIdMetadataUrl = MetadataUrl }), clock);
    }

    [Fact]
    public async Task A_valid_channel_token_is_accepted()
    {
        var result = await validator.ValidateAsync($"Bearer {Token()}", Activity(), CancellationToken.None);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(ServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task A_token_expired_less_than_the_clock_skew_ago_is_accepted()
    {
        var result = await validator.ValidateAsync($"Bearer {Token(expires: clock.GetUtcNow().AddMinutes(-4))}", Activity(), CancellationToken.None);

        Assert.True(result.IsValid, result.Error);
    }

    [Fact]
    public async Task An_expired_token_is_rejected()
    {
        var result = await validator.ValidateAsync($"Bearer {Token(expires: clock.GetUtcNow().AddMinutes(-6))}", Activity(), CancellationToken.None);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_that_expires_while_the_clock_moves_on_is_rejected()
    {
        var token = Token(expires: clock.GetUtcNow().AddMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(16));

        Assert.False((await validator.ValidateAsync($"Bearer {token}", Activity(), CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_rejected() =>
        Assert.False((await validator.ValidateAsync($"Bearer {Token(issuer: "https://sts.windows.net/evil/")}", Activity(), CancellationToken.None)).IsValid);

    [Fact]
    public async Task A_token_for_another_bot_is_rejected() =>
        Assert.False((await validator.ValidateAsync($"Bearer {Token(audience: "someone-else")}", Activity(), CancellationToken.None)).IsValid);

    [Fact]
    public async Task A_tampered_token_is_rejected()
    {
        var parts = Token().Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!;
        payload["serviceurl"] = "https://attacker.example/";
        var tampered = $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";

        var result = await validator.ValidateAsync($"Bearer {tampered}", Activity() with { ServiceUrl = "https://attacker.example/" }, CancellationToken.None);

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task A_token_signed_with_an_unknown_key_is_rejected() =>
        Assert.False((await validator.ValidateAsync($"Bearer {Token(signWith: stranger)}", Activity(), CancellationToken.None)).IsValid);

    [Fact]
    public async Task A_token_for_another_service_url_is_rejected()
    {
        var result = await validator.ValidateAsync($"Bearer {Token()}", Activity() with { ServiceUrl = "https://attacker.example/" }, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Equal("serviceUrl mismatch", result.Error);
    }

    [Fact]
    public async Task A_key_not_endorsed_for_the_channel_is_rejected()
    {
        var result = await validator.ValidateAsync($"Bearer {Token()}", Activity() with { ChannelId = "slack" }, CancellationToken.None);

        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task A_request_without_a_bearer_token_is_rejected(string? header) =>
        Assert.False((await validator.ValidateAsync(header, Activity(), CancellationToken.None)).IsValid);

    public void Dispose()
    {
        rsa.Dispose();
        stranger.Dispose();
    }

    private static Activity Activity() => new() { Type = ActivityTypes.Message, ServiceUrl = ServiceUrl, ChannelId = "webchat", Text = "hallo" };

    private string Token(string issuer = Issuer, string audience = AppId, DateTimeOffset? expires = null, RSA? signWith = null)
    {
        var expiry = expires ?? clock.GetUtcNow().AddMinutes(30);
        var key = new RsaSecurityKey(signWith ?? rsa) { KeyId = "key-1" };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-1).UtcDateTime,
            NotBefore = expiry.AddHours(-1).UtcDateTime,
            Expires = expiry.UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }

    private sealed class InMemoryDocuments(IReadOnlyDictionary<string, string> documents) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            documents.TryGetValue(address, out var document) ? Task.FromResult(document) : throw new InvalidOperationException($"No document at {address}");
    }
}
