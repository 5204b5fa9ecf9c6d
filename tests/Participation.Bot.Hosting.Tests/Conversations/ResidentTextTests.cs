using System.Net;
using System.Text.Json.Nodes;
using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Tests.Infrastructure;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Tests.Conversations;

/// <summary>A chat message has a length limit: refused with 400 on our own channel, cut (and marked) when a Bot Service channel delivers it.</summary>
public sealed class ResidentTextTests : BotAppTests
{
    [Fact]
    public async Task Direct_line_refuses_a_message_over_the_limit_with_a_problem_and_stores_nothing()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        var before = await App.Get<ConversationStore>().FindAsync(resident.ConversationId, CancellationToken.None);

        using var refused = await resident.PostActivityAsync(new JsonObject { ["type"] = "message", ["text"] = new string('x', ResidentText.MaxLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var after = await App.Get<ConversationStore>().FindAsync(resident.ConversationId, CancellationToken.None);
        Assert.Equal(before!.NextSequence, after!.NextSequence);
        Assert.Equal(HttpStatusCode.OK, (await resident.PostActivityAsync(new JsonObject { ["type"] = "message", ["text"] = new string('x', ResidentText.MaxLength) })).StatusCode);
    }

    [Fact]
    public async Task A_channel_message_over_the_limit_is_cut_to_the_limit_and_marked_before_it_is_stored()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        var arrived = new Activity
        {
            Type = ActivityTypes.Message,
            Text = new string('y', 40_000),
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = resident.ConversationId },
            From = new ChannelAccount { Id = "resident", Role = RoleTypes.User },
        };

        await App.Get<ResidentTurns>().HandleAsync(resident.ConversationId, arrived, channelActivityId: "channel-1", CancellationToken.None);

        var stored = (await App.Get<ConversationStore>().ReadTranscriptAsync(resident.ConversationId, 0, 100, CancellationToken.None)).Activities
            .Single(a => a.From?.Role == RoleTypes.User && a.Text?.StartsWith('y') == true);
        Assert.Equal(ResidentText.MaxLength, stored.Text!.Length);
        Assert.EndsWith("…", stored.Text);
    }
}
