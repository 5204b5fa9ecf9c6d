using Participation.Bot.Hosting.Outcomes;
using Participation.Bot.Hosting.Tests.Infrastructure;

namespace Participation.Bot.Hosting.Tests.Conversations;

/// <summary>
/// "Helped by the bot" on the council's dashboard counts a conversation only when it ended on an answer from the
/// knowledge base — one that ended on "I am not sure what you mean" resolved nothing, although nobody was called.
/// </summary>
public sealed class HelpedByTheBotTests
{
    [Fact]
    public async Task A_conversation_counts_as_helped_only_when_it_ended_on_an_answer()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
        await using var app = await BotApp.StartAsync(BotApp.NewTablePrefix(), clock);
        var from = clock.GetUtcNow().AddMinutes(-5);

        var answered = await DirectLineClient.StartAsync(app.Client);
        Assert.Equal("id.cost", (await answered.AskAsync("wat kost een paspoort?"))[0].Topic());

        var stranded = await DirectLineClient.StartAsync(app.Client);
        Assert.Equal("id.cost", (await stranded.AskAsync("wat kost een paspoort?"))[0].Topic());
        await stranded.AskAsync("qwrtz blorp vlimp");

        var statistics = await app.Get<BotStatisticsQuery>().GetAsync(from, clock.GetUtcNow().AddMinutes(5), CancellationToken.None);
        Assert.Equal(2, statistics.Conversations);
        Assert.Equal(2, statistics.ResolvedWithoutPerson);
        Assert.Equal(1, statistics.Helped);
    }
}
