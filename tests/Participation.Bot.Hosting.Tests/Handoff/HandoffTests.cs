using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Participation.Bot.Hosting.Handoff;
using Participation.Bot.Hosting.Outcomes;
using Participation.Bot.Hosting.Tests.Infrastructure;
using Participation.Bot.Protocol;

namespace Participation.Bot.Hosting.Tests.Handoff;

public sealed class HandoffTests : BotAppTests
{
    [Fact]
    public async Task A_handoff_goes_to_the_queue_to_an_agent_and_back_to_the_bot_which_asks_for_a_rating()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        await resident.PollAsync();
        await resident.AskAsync("wat kost een paspoort?");

        var askedForPerson = await resident.SayAsync("ik wil een medewerker spreken");
        var queued = await resident.PollAsync();
        Assert.Contains(queued, a => a.ReplyToId == askedForPerson && a.Topic() == "handoff");
        var place = Assert.Single(queued, a => a.ChannelData?["queuePlace"] is not null);
        Assert.Equal(1, place.ChannelData!["queuePlace"]!.GetValue<int>());
        Assert.Contains("nummer 1", place.Text);

        var waiting = Assert.Single(await ListAsync("a1|Anna"));
        Assert.Equal(resident.ConversationId, waiting.ConversationId);
        Assert.Equal(HandoffStatus.Waiting, waiting.Status);
        Assert.Equal(1, waiting.Place);
        Assert.Equal("id.cost", waiting.Topic);
        Assert.Contains("asked for a person", waiting.Summary);
        Assert.Contains(waiting.Transcript, line => line.Text == "wat kost een paspoort?");

        App.Clock.Advance(TimeSpan.FromSeconds(40));
        using (var accepted = await AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/accept", "a1|Anna"))
        {
            Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        }

        var joined = Assert.Single(await resident.PollAsync());
        Assert.Equal("Anna", joined.From!.Name);
        Assert.Equal(HandoffStatus.Accepted, Assert.Single(await ListAsync("a1|Anna")).Status);
        Assert.Empty(await ListAsync("a2|Bram")); // taken: no longer in anyone else's queue

        // While the agent has the conversation, the bot stays silent and the agent reads along.
        Assert.Empty(await resident.AskAsync("mijn paspoort is kwijt, wat moet ik doen?"));
        var agentView = await AgentReadAsync(resident.ConversationId, "0");
        Assert.Contains(agentView, a => a.Text == "mijn paspoort is kwijt, wat moet ik doen?" && a.From?.Role == RoleTypes.User);

        using (var sent = await AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/messages", "a1|Anna", new { text = "Dan doet u eerst aangifte van vermissing." }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        }

        var fromAgent = Assert.Single(await resident.PollAsync());
        Assert.Equal(("Anna", "Dan doet u eerst aangifte van vermissing."), (fromAgent.From!.Name, fromAgent.Text));

        using (var closed = await AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/close", "a1|Anna"))
        {
            Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);
        }

        var feedbackPrompt = Assert.Single(await resident.PollAsync());
        Assert.Contains("1 (slecht) tot 5", feedbackPrompt.Text);
        Assert.Contains("Dank u voor uw beoordeling", Assert.Single(await resident.AskAsync("4")).Text);
        Assert.Empty(await ListAsync("a1|Anna"));

        var statistics = await App.Get<BotStatisticsQuery>().GetAsync(App.Clock.GetUtcNow().AddDays(-1), App.Clock.GetUtcNow().AddDays(1), CancellationToken.None);
        Assert.Equal((1, 0, 1, 1, 0), (statistics.Conversations, statistics.ResolvedWithoutPerson, statistics.HandoffsRequested, statistics.HandoffsAccepted, statistics.HandoffsFailed));
        Assert.Equal(TimeSpan.FromSeconds(40), statistics.MedianWaitingTime);
        Assert.Equal(4, statistics.AverageRating);
        var stored = await App.Get<BotTables>().FeedbackTable.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(4, Assert.Single(stored).GetInt32("Score"));
    }

    [Fact]
    public async Task When_two_agents_accept_at_once_exactly_one_gets_the_conversation()
    {
        var resident = await WaitingResidentAsync();

        var responses = await Task.WhenAll(
            AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/accept", "a1|Anna"),
            AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/accept", "a2|Bram"));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.NoContent ? "a1|Anna" : "a2|Bram";
        var loser = winner == "a1|Anna" ? "a2|Bram" : "a1|Anna";
        Assert.Single(await resident.PollAsync()); // one agent joined, not two
        using var loserWrites = await AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/messages", loser, new { text = "Hallo!" });
        using var winnerWrites = await AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/messages", winner, new { text = "Hallo!" });
        Assert.Equal(HttpStatusCode.Conflict, loserWrites.StatusCode);
        Assert.Equal(HttpStatusCode.OK, winnerWrites.StatusCode);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task When_no_agent_accepts_in_time_the_bot_offers_to_register_the_question()
    {
        var resident = await WaitingResidentAsync();

        App.Clock.Advance(TimeSpan.FromMinutes(3));
        var failed = Assert.Single(await resident.PollAsync()); // the lazy check on the resident's poll
        Assert.Equal("handoff", failed.Topic());
        Assert.Contains("registreren", failed.Text);
        Assert.Empty(await ListAsync("a1|Anna"));
        using (var tooLate = await AgentAsync(HttpMethod.Post, $"{resident.ConversationId}/accept", "a1|Anna"))
        {
            Assert.Equal(HttpStatusCode.NotFound, tooLate.StatusCode);
        }

        Assert.Contains("e-mailadres", Assert.Single(await resident.AskAsync("ja graag")).Text);
        var registered = Assert.Single(await resident.AskAsync("resident@example.nl"));
        var question = Assert.Single(App.Registrar.Questions);
        Assert.Contains(question.TrackingCode, registered.Text);
        Assert.Equal(("resident@example.nl", resident.ConversationId), (question.Email, question.ConversationId));
        Assert.NotEmpty(question.Transcript);

        var statistics = await App.Get<BotStatisticsQuery>().GetAsync(App.Clock.GetUtcNow().AddDays(-1), App.Clock.GetUtcNow().AddDays(1), CancellationToken.None);
        Assert.Equal((1, 1, 0, 1), (statistics.HandoffsRequested, statistics.HandoffsFailed, statistics.HandoffsAccepted, statistics.QuestionsRegistered));
    }

    [Fact]
    public async Task A_question_whose_registration_failed_after_its_turn_is_registered_by_the_sweep_without_the_resident_writing_again()
    {
        var resident = await WaitingResidentAsync();
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await resident.PollAsync();
        await resident.AskAsync("ja graag");

        App.Registrar.FailNext = 1;
        var registered = Assert.Single(await resident.AskAsync("resident@example.nl"));
        Assert.Empty(App.Registrar.Questions);

        var events = App.Get<Participation.Bot.Hosting.Events.EngineEvents>();
        Assert.Equal(0, await events.SweepAsync(App.Clock.GetUtcNow().AddSeconds(-10), CancellationToken.None)); // too young: its turn may still act on it
        App.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await events.SweepAsync(App.Clock.GetUtcNow().AddSeconds(-10), CancellationToken.None));

        var question = Assert.Single(App.Registrar.Questions);
        Assert.Contains(question.TrackingCode, registered.Text);
        Assert.Equal(0, await events.SweepAsync(App.Clock.GetUtcNow(), CancellationToken.None)); // acted on once, then gone
    }

    [Fact]
    public async Task The_timer_fails_waiting_handoffs_even_when_nobody_polls()
    {
        var resident = await WaitingResidentAsync();
        var queue = App.Get<HandoffQueue>();

        Assert.Equal(0, await queue.ExpireWaitingHandoffsAsync(CancellationToken.None));
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await queue.ExpireWaitingHandoffsAsync(CancellationToken.None));
        Assert.Equal(0, await queue.ExpireWaitingHandoffsAsync(CancellationToken.None));

        Assert.Contains("registreren", Assert.Single(await resident.PollAsync()).Text);
    }

    [Fact]
    public async Task The_agent_api_needs_a_signed_in_agent()
    {
        using var anonymous = await App.Client.GetAsync("api/agent/handoffs");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<DirectLineClient> WaitingResidentAsync()
    {
        var resident = await DirectLineClient.StartAsync(App.Client);
        await resident.SayAsync("mag ik een medewerker spreken");
        await resident.PollAsync();
        Assert.Equal(HandoffStatus.Waiting, Assert.Single(await ListAsync("a1|Anna")).Status);
        return resident;
    }

    private async Task<IReadOnlyList<HandoffView>> ListAsync(string agent)
    {
        using var response = await AgentAsync(HttpMethod.Get, "", agent);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<List<HandoffView>>(HostingJson.Default.Options))!;
    }

    private async Task<IReadOnlyList<Activity>> AgentReadAsync(string conversationId, string watermark)
    {
        using var response = await AgentAsync(HttpMethod.Get, $"{conversationId}/activities?watermark={watermark}", "a1|Anna");
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["activities"]!.AsArray().Select(a => a.Deserialize(ProtocolJsonContext.Default.Activity)!).ToList();
    }

    private Task<HttpResponseMessage> AgentAsync(HttpMethod method, string path, string agent, object? body = null)
    {
        var request = new HttpRequestMessage(method, "api/agent/handoffs/" + path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        request.Headers.Add(BotApp.AgentHeader, agent);
        return App.Client.SendAsync(request);
    }
}
