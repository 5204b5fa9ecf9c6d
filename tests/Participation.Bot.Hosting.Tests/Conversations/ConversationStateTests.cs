using Participation.Bot.Hosting.Conversations;
using Participation.Bot.Hosting.Tests.Infrastructure;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Tests.Conversations;

public sealed class ConversationStateTests
{
    [Fact]
    public async Task A_new_app_instance_continues_the_conversation_where_the_old_one_left_it()
    {
        var prefix = BotApp.NewTablePrefix();
        DirectLineClient before;
        await using (var first = await BotApp.StartAsync(prefix))
        {
            before = await DirectLineClient.StartAsync(first.Client);
            Assert.Equal("id.cost", (await before.AskAsync("wat kost een paspoort?"))[0].Topic());
        }

        await using var second = await BotApp.StartAsync(prefix);
        // Same conversation, same token (the key is not held in memory), the transcript and its numbering carry on.
        var after = new DirectLineClient(second.Client, before.ConversationId, before.Token);
        var history = await after.PollAsync();
        Assert.Equal(3, history.Count);
        var id = await after.SayAsync("bedankt");
        Assert.EndsWith("|0000004", id);

        var record = await second.Get<ConversationStore>().FindAsync(before.ConversationId, CancellationToken.None);
        Assert.Equal("id.cost", record!.State.LastTopic);
        Assert.Equal(2, record.ResidentMessages);
        Assert.Equal(["wat kost een paspoort?", "bedankt"], record.State.Transcript.Where(t => t.Role == "user").Select(t => t.Text));
    }

    [Fact]
    public async Task Messages_sent_at_the_same_time_are_all_handled_and_none_is_lost()
    {
        await using var app = await BotApp.StartAsync(BotApp.NewTablePrefix());
        var resident = await DirectLineClient.StartAsync(app.Client);
        string[] questions =
        [
            "wat kost een paspoort?", "hoe lang duurt een id kaart", "ik ga verhuizen", "waar haal ik mijn paspoort op",
            "pasfoto eisen", "mijn paspoort is gestolen", "uittreksel brp aanvragen", "hoe lang is mijn id geldig",
        ];

        var ids = await Task.WhenAll(questions.Select(q => resident.SayAsync(q)));

        Assert.Equal(questions.Length, ids.Distinct().Count());
        var record = await app.Get<ConversationStore>().FindAsync(resident.ConversationId, CancellationToken.None);
        Assert.Equal(questions.Length, record!.ResidentMessages);
        Assert.Equal(questions.Order(), record.State.Transcript.Where(t => t.Role == "user").Select(t => t.Text).Order());
        var transcript = await resident.PollAsync();
        Assert.Equal(questions.Order(), transcript.Where(a => a.From?.Role == RoleTypes.User).Select(a => a.Text!).Order());
        Assert.All(ids, id => Assert.Contains(transcript, a => a.ReplyToId == id));
        Assert.Equal(transcript.Count, transcript.Select(a => a.Id).Distinct().Count());
    }
}
