using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Participation.Bot.Protocol;

namespace Participation.Bot.Tests.Protocol;

/// <summary>A loopback Kestrel server plays both the token endpoint and the channel's Bot Connector.</summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Path, string? Authorization, string Body)> posted = new();
    private readonly ConcurrentQueue<IFormCollection> tokenRequests = new();
    private WebApplication? server;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/token", async (HttpRequest request) =>
            {
                tokenRequests.Enqueue(await request.ReadFormAsync());
                return Results.Json(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["access_token"] = $"token-{tokenRequests.Count}" });
            });
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                posted.Enqueue((request.Path, request.Headers.Authorization.ToString(), await reader.ReadToEndAsync()));
                return Results.Json(new JsonObject { ["id"] = "reply-1" });
            });
        });
        baseUrl = server.Urls.Single();
    }

    [Fact]
    public async Task Replies_to_the_activity_with_a_client_credentials_token_that_is_reused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        using var client = ClientOf(http, clock);
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            ServiceUrl = baseUrl + "/",
            Conversation = new ConversationAccount { Id = "conv/1" },
            ReplyToId = "act-7",
            Text = "Een paspoort is 10 jaar geldig.",
            ChannelData = new JsonObject { ["topic"] = "id.validity", ["confidence"] = 0.9 },
        };

        var response = await client.ReplyToActivityAsync(reply, CancellationToken.None);
        await client.ReplyToActivityAsync(reply, CancellationToken.None);

        Assert.Equal("reply-1", response?.Id);
        var form = Assert.Single(tokenRequests);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("app-id", form["client_id"]);
        Assert.Equal("secret", form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
        Assert.Equal(2, posted.Count);
        var (path, authorization, body) = posted.First();
        Assert.Equal("/v3/conversations/conv%2F1/activities/act-7", path);
        Assert.Equal("Bearer token-1", authorization);
        var sent = ActivityJson.Deserialize(body);
        Assert.Equal("id.validity", sent.ChannelData!["topic"]!.GetValue<string>());
        Assert.DoesNotContain("\"attachments\"", body);
    }

    [Fact]
    public async Task Fetches_a_new_token_when_the_old_one_is_about_to_expire()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var http = new HttpClient();
        using var client = ClientOf(http, clock);
        var reply = new Activity { Type = ActivityTypes.Message, ServiceUrl = baseUrl, Conversation = new ConversationAccount { Id = "c" }, ReplyToId = "a", Text = "x" };

        await client.ReplyToActivityAsync(reply, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(56));
        await client.ReplyToActivityAsync(reply, CancellationToken.None);

        Assert.Equal(2, tokenRequests.Count);
        Assert.Equal("Bearer token-2", posted.Last().Authorization);
    }

    private ConnectorClient ClientOf(HttpClient http, TimeProvider clock) => new(http, Options.Create(new BotConnectorOptions
    {
        MicrosoftAppId = "app-id",
        MicrosoftAppPassword = "secret",
        TokenEndpoint = $"{baseUrl}/token",
    }), clock);

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
