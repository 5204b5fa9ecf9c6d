using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Participation.Bot.Hosting.Tests.Infrastructure;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Tests.DirectLine;

public sealed class DirectLineChannelTests : BotAppTests
{
    [Fact]
    public async Task A_conversation_round_trip_numbers_activities_and_moves_the_watermark()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);

        var welcome = await resident.PollAsync();
        Assert.Equal("smalltalk", Assert.Single(welcome).Topic());
        Assert.Equal("1", resident.Watermark);

        var id = await resident.SayAsync("wat kost een paspoort?");
        var after = await resident.PollAsync();
        Assert.Equal([id, ..after.Skip(1).Select(a => a.Id!)], after.Select(a => a.Id!));
        Assert.Equal(RoleTypes.User, after[0].From!.Role);
        Assert.NotNull(after[0].Timestamp);
        var answer = after.Single(a => a.ReplyToId == id);
        Assert.Equal("id.cost", answer.Topic());
        Assert.Equal(RoleTypes.Bot, answer.From!.Role);
        Assert.Equal(resident.ConversationId, answer.Conversation!.Id);

        Assert.Empty(await resident.PollAsync()); // nothing new after the watermark
        var fromTheStart = await new DirectLineClient(App.Client, resident.ConversationId, resident.Token).PollAsync();
        Assert.Equal([.. welcome.Concat(after).Select(a => a.Id)], fromTheStart.Select(a => a.Id));
    }

    [Fact]
    public async Task Activities_need_the_conversations_own_token()
    {
        var mine = await DirectLineClient.StartAsync(App.Client);
        var theirs = await DirectLineClient.StartAsync(App.Client);

        using var withoutToken = await App.Client.GetAsync($"v3/directline/conversations/{mine.ConversationId}/activities");
        using var withOtherToken = await mine.PostActivityAsync(new JsonObject { ["type"] = "message", ["text"] = "hoi" }, asToken: theirs.Token);
        using var withForgedToken = await mine.PostActivityAsync(new JsonObject { ["type"] = "message", ["text"] = "hoi" }, asToken: mine.Token[..^2] + "xx");

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withOtherToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withForgedToken.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_a_refreshed_one_works()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        using var refresh = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
        refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", resident.Token);
        using var refreshed = await App.Client.SendAsync(refresh);
        var newToken = (await refreshed.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();

        App.Clock.Advance(TimeSpan.FromMinutes(20));
        using var stillValid = await resident.PostActivityAsync(new JsonObject { ["type"] = "message", ["text"] = "hallo" }, asToken: newToken);
        App.Clock.Advance(TimeSpan.FromMinutes(11));
        using var expired = await resident.PostActivityAsync(new JsonObject { ["type"] = "message", ["text"] = "hallo" });

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_generated_token_starts_its_own_conversation_once()
    {
        using var generated = await App.Client.PostAsJsonAsync("v3/directline/tokens/generate", new { user = new { id = "dl_resident42" } });
        var body = (await generated.Content.ReadFromJsonAsync<JsonObject>())!;
        var token = body["token"]!.GetValue<string>();

        async Task<HttpResponseMessage> StartWithToken()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await App.Client.SendAsync(request);
        }

        using var first = await StartWithToken();
        using var second = await StartWithToken();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(body["conversationId"]!.GetValue<string>(), (await second.Content.ReadFromJsonAsync<JsonObject>())!["conversationId"]!.GetValue<string>());
        var resident = new DirectLineClient(App.Client, body["conversationId"]!.GetValue<string>(), token);
        Assert.Single(await resident.PollAsync()); // one welcome, not two
    }

    [Fact]
    public async Task Outside_development_the_channel_needs_a_configured_secret()
    {
        await using var production = await BotApp.StartAsync(BotApp.NewTablePrefix(), development: false);
        using var refused = await production.Client.PostAsync("v3/directline/conversations", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        await using var withSecret = await BotApp.StartAsync(BotApp.NewTablePrefix(), development: false,
            settings: new Dictionary<string, string?> { ["Bot:DirectLineSecret"] = "s3cret-for-tests" });
        using var anonymous = await withSecret.Client.PostAsync("v3/directline/conversations", null);
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-for-tests");
        using var started = await withSecret.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
    }
}
