using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Tests.Infrastructure;

/// <summary>A resident's Web Chat, reduced to the Direct Line 3.0 calls it makes when polling.</summary>
public sealed class DirectLineClient(HttpClient http, string conversationId, string token)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ConversationId { get; } = conversationId;

    public string Token { get; private set; } = token;

    public string Watermark { get; private set; } = "0";

    /// <summary>POST /v3/directline/conversations without a secret, as Development allows.</summary>
    public static async Task<DirectLineClient> StartAsync(HttpClient http)
    {
        using var response = await http.PostAsync("v3/directline/conversations", content: null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["expires_in"]!.GetValue<int>() > 0);
        return new DirectLineClient(http, body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>Posts a message and answers its id.</summary>
    public async Task<string> SayAsync(string text, string locale = "nl-NL")
    {
        using var response = await PostActivityAsync(new JsonObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["locale"] = locale,
            ["from"] = new JsonObject { ["id"] = "resident", ["name"] = "Resident" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> PostActivityAsync(JsonObject activity, string? asToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v3/directline/conversations/{ConversationId}/activities")
        {
            Content = JsonContent.Create(activity),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", asToken ?? Token);
        return await http.SendAsync(request);
    }

    /// <summary>GET activities after the watermark, moving the watermark on as Web Chat does.</summary>
    public async Task<IReadOnlyList<Activity>> PollAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/directline/conversations/{ConversationId}/activities?watermark={Watermark}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Watermark = body["watermark"]!.GetValue<string>();
        return body["activities"]!.AsArray().Select(a => a.Deserialize(ProtocolJsonContext.Default.Activity)!).ToList();
    }

    /// <summary>Says something and answers the bot's messages that reply to it.</summary>
    public async Task<IReadOnlyList<Activity>> AskAsync(string text, string locale = "nl-NL")
    {
        var id = await SayAsync(text, locale);
        return [.. (await PollAsync()).Where(a => a.ReplyToId == id && a.Type == ActivityTypes.Message)];
    }
}

internal static class ActivityAssertions
{
    public static string? Topic(this Activity activity) => activity.ChannelData?["topic"]?.GetValue<string>();

    public static IEnumerable<Activity> FromBotOrAgent(this IEnumerable<Activity> activities) =>
        activities.Where(a => a.Type == ActivityTypes.Message && a.From?.Role == RoleTypes.Bot);
}
