using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using Participation.Bot.Hosting.Tests.Infrastructure;
using Participation.Bot.Protocol;
using Participation.Testing;

namespace Participation.Bot.Hosting.Tests.Connector;

/// <summary>
/// /api/messages as Azure Bot Service calls it. Channel tokens are signed with a key made here and the OpenID metadata is
/// served in-process; the bot's replies go to a Bot Connector stub on the test app's own loopback address.
/// </summary>
public sealed class BotMessagesTests : IAsyncLifetime, IDisposable
{
    private const string AppId = "11111111-2222-3333-4444-555555555555";
    private const string MetadataUrl = "https://login.test/v1/.well-known/openidconfiguration";
    private readonly RSA channelKey = RSA.Create(2048);
    private readonly RSA strangerKey = RSA.Create(2048);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    private BotApp app = null!;
    private string serviceUrl = "";

    public async Task InitializeAsync()
    {
        // The Bot Connector stub lives under /connector on the test app itself; channel tokens name that service URL.
        app = await BotApp.StartAsync(BotApp.NewTablePrefix(), clock, new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "app-password",
            ["Bot:OpenIdMetadataUrl"] = MetadataUrl,
        }, Metadata());
        serviceUrl = app.BaseAddress + "connector/";
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    public void Dispose()
    {
        channelKey.Dispose();
        strangerKey.Dispose();
    }

    [Fact]
    public async Task An_activity_with_a_bad_token_is_rejected_with_401_and_gets_no_reply()
    {
        using var unsigned = await PostAsync(Message("wat kost een paspoort?"), token: null);
        using var stranger = await PostAsync(Message("wat kost een paspoort?"), Token(strangerKey));
        using var otherBot = await PostAsync(Message("wat kost een paspoort?"), Token(channelKey, audience: "another-bot"));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            [unsigned.StatusCode, stranger.StatusCode, otherBot.StatusCode]);
        Assert.Empty(app.ConnectorReceived);
    }

    [Fact]
    public async Task An_activity_with_a_good_token_is_answered_through_the_connector()
    {
        var message = Message("wat kost een paspoort?");

        using var response = await PostAsync(message, Token(channelKey));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await ReceivedAsync();
        Assert.Equal(("message", "id.cost", message["id"]!.GetValue<string>()), (reply.Type, reply.ChannelData!["topic"]!.GetValue<string>(), reply.ReplyToId));
        Assert.Equal(("bot-id", "user-1", "conv-webchat-1"), (reply.From!.Id, reply.Recipient!.Id, reply.Conversation!.Id));
    }

    private async Task<Activity> ReceivedAsync()
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (app.ConnectorReceived.TryDequeue(out var activity))
            {
                return activity;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The bot did not reply through the connector.");
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new StringContent(activity.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await app.Client.SendAsync(request);
    }

    private JsonObject Message(string text) => new()
    {
        ["type"] = "message",
        ["id"] = "channel-activity-" + Guid.NewGuid().ToString("N")[..8],
        ["channelId"] = "webchat",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "Resident" },
        ["recipient"] = new JsonObject { ["id"] = "bot-id", ["name"] = "Bot" },
        ["conversation"] = new JsonObject { ["id"] = "conv-webchat-1" },
        ["locale"] = "nl-NL",
        ["text"] = text,
    };

    private string Token(RSA key, string audience = AppId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(30),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "key-1" }, SecurityAlgorithms.RsaSha256),
        });
    }

    private ConfigurationManager<OpenIdConnectConfiguration> Metadata()
    {
        var keys = SigningKeys.KeySet(channelKey, "webchat", "msteams");
        var metadata = new JsonObject { ["issuer"] = "https://api.botframework.com", ["jwks_uri"] = "https://login.test/v1/keys" };
        return new ConfigurationManager<OpenIdConnectConfiguration>(MetadataUrl, new OpenIdConnectConfigurationRetriever(), new InMemoryDocuments(new Dictionary<string, string>
        {
            [MetadataUrl] = metadata.ToJsonString(),
            ["https://login.test/v1/keys"] = keys.ToJsonString(),
        }));
    }

    private sealed class InMemoryDocuments(IReadOnlyDictionary<string, string> documents) : IDocumentRetriever
    {
        public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
            documents.TryGetValue(address, out var document) ? Task.FromResult(document) : throw new InvalidOperationException($"No document at {address}");
    }
}
