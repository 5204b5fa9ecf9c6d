using System.Text.Json.Nodes;
using Participation.Bot.Dialogue;
using Participation.Bot.Initiatives;
using Participation.Bot.Protocol;
using Participation.Bot.Topics;
using Participation.Municipality.Tracking;

namespace Participation.Bot.Tests.Dialogue;

public sealed class TurnEngineTests : IDisposable
{
    private readonly BotTestHost host = new(initiatives: new KnownInitiatives());

    [Theory]
    [InlineData("hoeveel jaar is een paspoort geldig voor een volwassene", Topic.IdValidity, "10 jaar")]
    [InlineData("how long is a passport valid", Topic.IdValidity, "10 years")]
    [InlineData("wat kost een paspoort", Topic.IdCost, "€ 84,85")]
    [InlineData("how much does an ID card cost", Topic.IdCost, "€ 77.40")]
    [InlineData("binnen hoeveel dagen moet ik mijn verhuizing doorgeven", Topic.MoveReport, "5 dagen")]
    [InlineData("paspoort kwijt", Topic.IdLost, "Meld de vermissing")]
    [InlineData("we are emigrating, how do I deregister", Topic.MoveEmigrate, "5 days before")]
    [InlineData("hebben beide ouders toestemming nodig voor het paspoort van ons kind", Topic.IdChild, "5 jaar geldig")]
    [InlineData("hoe dien ik een idee in voor mijn buurt", Topic.ParticipationInitiative, "https://doemee.voorbeeldstad.nl/initiatieven/nieuw")]
    public async Task Answers_from_the_article_with_its_source(string question, string topic, string expected)
    {
        var reply = (await host.StartConversation().SayAsync(question)).Message();

        Assert.Equal(topic, reply.Topic());
        Assert.Contains(expected, reply.Text);
        Assert.Matches(@"(Bron|Source): \[.+\]\(https://.+\) \((gecontroleerd op|checked on) ", reply.Text);
        Assert.InRange(reply.Confidence(), 0.0, 1.0);
    }

    [Fact]
    public async Task Fees_show_the_date_they_were_last_checked()
    {
        var reply = (await host.StartConversation().SayAsync("wat kost een identiteitskaart")).Message();

        Assert.Contains("gecontroleerd op 1 november 2026", reply.Text);
    }

    [Fact]
    public async Task Replies_in_the_language_of_the_question_and_address_the_sender()
    {
        var conversation = host.StartConversation("nl-NL");
        var reply = (await conversation.SayAsync("how much is a passport")).Message();

        Assert.Equal("en-GB", reply.Locale);
        Assert.Equal("resident-1", reply.Recipient?.Id);
        Assert.Equal("bot", reply.From?.Id);
        Assert.Equal("a1", reply.ReplyToId);
        Assert.Equal("conv-1", reply.Conversation?.Id);
    }

    [Fact]
    public async Task Follow_up_about_a_daughter_after_a_passport_question_is_about_a_minor()
    {
        var conversation = host.StartConversation("en-GB");
        Assert.Equal(Topic.IdApply, (await conversation.SayAsync("how do I apply for a passport")).Message().Topic());

        var reply = (await conversation.SayAsync("and for my daughter?")).Message();

        Assert.Equal(Topic.IdChild, reply.Topic());
        Assert.Contains("consent", reply.Text);
    }

    [Fact]
    public async Task Follow_up_about_children_after_a_move_is_about_the_household()
    {
        var conversation = host.StartConversation();
        Assert.Equal(Topic.MoveReport, (await conversation.SayAsync("hoe geef ik mijn verhuizing door")).Message().Topic());

        Assert.Equal(Topic.MoveFamily, (await conversation.SayAsync("en mijn kinderen?")).Message().Topic());
    }

    [Fact]
    public async Task Follow_up_about_cost_keeps_the_document()
    {
        var conversation = host.StartConversation();
        await conversation.SayAsync("hoe vraag ik een paspoort aan");

        var reply = (await conversation.SayAsync("en wat kost dat?")).Message();

        Assert.Equal(Topic.IdCost, reply.Topic());
    }

    [Fact]
    public async Task Asks_one_clarifying_question_when_two_topics_score_close_and_answers_the_choice()
    {
        var conversation = host.StartConversation();
        var question = (await conversation.SayAsync("paspoort")).Message();

        Assert.Equal(2, question.SuggestedActions?.Actions?.Count);
        Assert.Equal("expectingInput", question.InputHint);
        Assert.StartsWith("Bedoelt u", question.Text);
        Assert.Equal(Prompt.Clarification, conversation.State.Awaiting);
        var offered = conversation.State.ClarifyBetween;

        var answer = (await conversation.SayAsync(question.SuggestedActions!.Actions![1].Value!.GetValue<string>())).Message();

        Assert.Equal(offered[1], answer.Topic());
        Assert.Equal(Prompt.None, conversation.State.Awaiting);
    }

    [Fact]
    public async Task A_new_question_instead_of_a_choice_is_answered_as_a_new_question()
    {
        var conversation = host.StartConversation();
        await conversation.SayAsync("paspoort");

        var reply = (await conversation.SayAsync("mijn paspoort is gestolen")).Message();

        Assert.Equal(Topic.IdLost, reply.Topic());
        Assert.Equal(Prompt.None, conversation.State.Awaiting);
    }

    [Fact]
    public async Task A_choice_can_be_given_in_words()
    {
        var inWords = new Dictionary<string, string>
        {
            [Topic.IdApply] = "aanvragen",
            [Topic.IdLost] = "kwijt",
            [Topic.IdCost] = "de kosten",
            [Topic.IdDuration] = "hoe lang het duurt",
            [Topic.IdValidity] = "hoe lang hij geldig is",
        };
        var conversation = host.StartConversation();
        await conversation.SayAsync("paspoort");
        var offered = conversation.State.ClarifyBetween;
        Assert.Equal(2, offered.Count);

        // The second option, so that a reply taken as "the first" would fail.
        Assert.Equal(offered[1], (await conversation.SayAsync(inWords[offered[1]])).Message().Topic());
    }

    [Theory]
    [InlineData("hoe vraag ik een parkeervergunning aan")]
    [InlineData("when is the bin collected")]
    [InlineData("ik wil mijn rijbewijs verlengen")]
    public async Task Out_of_scope_says_so_and_offers_contact_and_a_person(string question)
    {
        var reply = (await host.StartConversation().SayAsync(question)).Message();

        Assert.Equal(Topic.OutOfScope, reply.Topic());
        Assert.Contains("14 0123", reply.Text);
        Assert.DoesNotContain("Bron", reply.Text);
        Assert.DoesNotContain("Source", reply.Text);
        Assert.Single(reply.SuggestedActions!.Actions!);
    }

    [Theory]
    [InlineData("hoe vraag ik zorgtoeslag aan", "https://www.belastingdienst.nl")]
    [InlineData("mijn rijbewijs is gestolen, moet ik aangifte doen", "https://www.voorbeeldstad.nl/rijbewijs")]
    [InlineData("we verhuizen en willen een verhuiswagen voor de deur zetten, heb ik een vergunning nodig", "https://www.voorbeeldstad.nl/ondernemen")]
    public async Task Out_of_scope_sharing_words_with_our_topics_is_answered_honestly_with_the_place_to_go(string question, string place)
    {
        var reply = (await host.StartConversation().SayAsync(question)).Message();

        Assert.Equal(Topic.OutOfScope, reply.Topic());
        Assert.StartsWith("Daar kan ik u niet mee helpen.", reply.Text);
        Assert.Contains(place, reply.Text);
        Assert.Contains("medewerker", reply.Text);
    }

    [Fact]
    public async Task Referrals_can_be_configured_per_subject()
    {
        using var configured = new BotTestHost(settings: new Dictionary<string, string?> { ["Referrals:Subjects:parking:Url"] = "https://parkeren.example.nl" });

        var reply = (await configured.StartConversation().SayAsync("hoe vraag ik een parkeervergunning aan")).Message();

        Assert.Contains("https://parkeren.example.nl", reply.Text);
    }

    [Fact]
    public async Task Admits_not_understanding_instead_of_guessing()
    {
        var reply = (await host.StartConversation().SayAsync("banaan")).Message();

        Assert.Equal(Topic.OutOfScope, reply.Topic());
        Assert.True(reply.Confidence() <= 0.3);
        Assert.Contains("niet zeker", reply.Text);
    }

    [Theory]
    [InlineData("mag ik een medewerker spreken")]
    [InlineData("real human please")]
    [InlineData("dit is belachelijk, stomme bot")]
    public async Task Asking_for_a_person_or_frustration_starts_a_handoff(string text)
    {
        var conversation = host.StartConversation();
        await conversation.SayAsync("wat kost een paspoort");

        var replies = await conversation.SayAsync(text);

        Assert.Equal(Topic.Handoff, replies.Message().Topic());
        var initiate = replies.Event(BotEvents.HandoffInitiate);
        Assert.NotNull(initiate);
        Assert.Equal(Topic.IdCost, initiate.Value!["topic"]!.GetValue<string>());
        Assert.NotNull(initiate.Value!["locale"]);
        Assert.Contains("wat kost een paspoort", initiate.Value!["summary"]!.GetValue<string>());
        var transcript = Assert.Single(initiate.Attachments!);
        Assert.Equal("application/json", transcript.ContentType);
        Assert.Equal("Transcript", transcript.Name);
        var activities = transcript.Content!["activities"]!.AsArray();
        Assert.Equal("wat kost een paspoort", activities[0]!["text"]!.GetValue<string>());
        Assert.Equal("user", activities[0]!["from"]!["role"]!.GetValue<string>());
        Assert.Equal(HandoffPhase.Requested, conversation.State.Handoff);
    }

    [Fact]
    public async Task Two_failed_answers_in_a_row_start_a_handoff()
    {
        var conversation = host.StartConversation();
        var first = await conversation.SayAsync("banaan");
        Assert.Null(first.Event(BotEvents.HandoffInitiate));

        var second = await conversation.SayAsync("qwerty zxcv");

        Assert.NotNull(second.Event(BotEvents.HandoffInitiate));
        Assert.Equal(Topic.Handoff, second.Message().Topic());
    }

    [Fact]
    public async Task A_good_answer_resets_the_failure_count()
    {
        var conversation = host.StartConversation();
        await conversation.SayAsync("banaan");
        await conversation.SayAsync("wat kost een paspoort");

        var replies = await conversation.SayAsync("qwerty zxcv");

        Assert.Null(replies.Event(BotEvents.HandoffInitiate));
    }

    [Fact]
    public async Task While_an_agent_has_the_conversation_the_bot_stays_silent()
    {
        var conversation = host.StartConversation();
        await conversation.SayAsync("mag ik een medewerker spreken");
        await conversation.SendEventAsync(BotEvents.HandoffStatus, new JsonObject { ["state"] = "accepted" });
        Assert.Equal(HandoffPhase.Active, conversation.State.Handoff);

        Assert.Empty(await conversation.SayAsync("hallo, bent u er?"));
    }

    [Fact]
    public async Task After_a_completed_handoff_the_bot_resumes_and_asks_for_feedback()
    {
        var conversation = host.StartConversation();
        await conversation.SayAsync("mag ik een medewerker spreken");
        await conversation.SendEventAsync(BotEvents.HandoffStatus, new JsonObject { ["state"] = "accepted" });

        var resumed = (await conversation.SendEventAsync(BotEvents.HandoffStatus, new JsonObject { ["state"] = "completed", ["message"] = "done" })).Message();

        Assert.Equal(HandoffPhase.None, conversation.State.Handoff);
        Assert.Equal(5, resumed.SuggestedActions!.Actions!.Count);
        var rated = await conversation.SayAsync("4");
        Assert.Equal(4, rated.Event(BotEvents.Feedback)!.Value!["score"]!.GetValue<int>());
        Assert.Equal(Topic.Smalltalk, rated.Message().Topic());
        Assert.Equal(Topic.IdCost, (await conversation.SayAsync("wat kost een paspoort")).Message().Topic());
    }

    [Fact]
    public async Task Outside_office_hours_the_bot_offers_to_register_the_question_for_an_email_answer()
    {
        host.Agents.Available = false;
        var conversation = host.StartConversation();
        await conversation.SayAsync("hoe lang duurt een spoedaanvraag voor een paspoort");

        var offer = await conversation.SayAsync("ik wil iemand spreken");
        Assert.Null(offer.Event(BotEvents.HandoffInitiate));
        Assert.Equal(Topic.Handoff, offer.Message().Topic());
        Assert.Contains("registreren", offer.Message().Text);

        Assert.Contains("e-mailadres", (await conversation.SayAsync("ja")).Message().Text);
        var registered = await conversation.SayAsync("jan@example.nl");

        var register = registered.Event(BotEvents.QuestionRegister);
        Assert.NotNull(register);
        var code = register.Value!["trackingCode"]!.GetValue<string>();
        Assert.True(TrackingCode.TryParse(code, out _, out _), $"{code} is not a tracking code /volgen can read");
        Assert.Equal("hoe lang duurt een spoedaanvraag voor een paspoort", register.Value!["question"]!.GetValue<string>());
        Assert.Equal("jan@example.nl", register.Value!["email"]!.GetValue<string>());
        Assert.Equal("nl-NL", register.Value!["locale"]!.GetValue<string>());
        Assert.Contains(code, registered.Message().Text);
    }

    [Fact]
    public async Task A_failed_handoff_offers_registration()
    {
        var conversation = host.StartConversation("en-GB");
        await conversation.SayAsync("real human please");

        var replies = await conversation.SendEventAsync(BotEvents.HandoffStatus, new JsonObject { ["state"] = "failed" });

        Assert.Equal(Prompt.RegisterConsent, conversation.State.Awaiting);
        Assert.Contains("register your question", replies.Message().Text);
    }

    [Fact]
    public async Task A_tracking_code_is_answered_with_the_initiative_status()
    {
        var reply = (await host.StartConversation().SayAsync($"wat is de status van {KnownInitiatives.Code}?")).Message();

        Assert.Equal(Topic.ParticipationInitiative, reply.Topic());
        Assert.Contains("Speeltuin Parkstraat", reply.Text);
        Assert.Contains("In behandeling", reply.Text);
        Assert.Contains("2 november 2026", reply.Text);
    }

    [Fact]
    public async Task An_unknown_tracking_code_is_not_invented()
    {
        var reply = (await host.StartConversation().SayAsync($"status {TrackingCode.New()}")).Message();

        Assert.Contains("geen initiatief of vraag vinden", reply.Text);
    }

    [Theory]
    [InlineData("hoe staat {0} ervoor?")]
    [InlineData("{0}")]
    [InlineData("what's happening with {0} please")]
    public async Task A_tracking_code_alone_or_inside_a_sentence_in_any_case_and_without_dashes_gets_the_status(string message)
    {
        var typed = string.Format(System.Globalization.CultureInfo.InvariantCulture, message, KnownInitiatives.Code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant());

        var reply = (await host.StartConversation().SayAsync(typed)).Message();

        Assert.Equal(Topic.ParticipationInitiative, reply.Topic());
        Assert.Contains("Speeltuin Parkstraat", reply.Text);
    }

    [Fact]
    public async Task The_code_of_a_question_registered_outside_office_hours_gets_the_question_status()
    {
        var reply = (await host.StartConversation().SayAsync($"hoe staat het met {KnownInitiatives.QuestionCode}")).Message();

        Assert.Equal(Topic.ParticipationInitiative, reply.Topic());
        Assert.Contains("Uw vraag met volgcode", reply.Text);
        Assert.Contains("20 november 2026", reply.Text);
        Assert.Contains("Status: ontvangen. Een medewerker van het klantcontactcentrum beantwoordt uw vraag per e-mail", reply.Text);
        Assert.DoesNotContain("status: open", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_eleven_letter_word_is_not_read_as_a_tracking_code()
    {
        var reply = (await host.StartConversation().SayAsync("ik wil mij inschrijven op mijn nieuwe adres")).Message();

        Assert.NotEqual(Topic.ParticipationInitiative, reply.Topic());
    }

    [Fact]
    public async Task A_new_member_is_welcomed()
    {
        var conversation = host.StartConversation("en-US");
        var update = conversation.NewActivity(ActivityTypes.ConversationUpdate) with
        {
            MembersAdded = [new ChannelAccount { Id = "resident-1" }],
        };

        var reply = (await conversation.SendAsync(update)).Message();

        Assert.Equal(Topic.Smalltalk, reply.Topic());
        Assert.StartsWith("Welcome", reply.Text);
    }

    [Fact]
    public async Task Every_message_carries_topic_and_confidence_and_the_state_round_trips_as_json()
    {
        host.Agents.Available = false;
        var conversation = host.StartConversation();
        var all = new List<Activity>();
        foreach (var text in new[] { "hallo", "ik wil een paspoort", "1", "en voor mijn zoon?", "banaan", "mag ik een medewerker spreken", "nee", "bedankt" })
        {
            all.AddRange(await conversation.SayAsync(text));
        }

        Assert.All(all.Messages(), m =>
        {
            Assert.Contains(m.Topic(), Topic.All);
            Assert.InRange(m.Confidence(), 0.0, 1.0);
        });
        var json = conversation.State.ToJson();
        Assert.Equal(json, ConversationState.FromJson(json).ToJson());
        Assert.Contains("\"awaiting\":\"None\"", json);
    }

    public void Dispose() => host.Dispose();

    private sealed class KnownInitiatives : IInitiativeStatusLookup
    {
        public static readonly string Code = TrackingCode.New().Display;
        public static readonly string QuestionCode = TrackingCode.New().Display;

        public Task<InitiativeStatus?> FindAsync(string trackingCode, CancellationToken cancellationToken) =>
            Task.FromResult(trackingCode == QuestionCode
                ? new InitiativeStatus(QuestionCode, "open", "hoe lang duurt een spoedaanvraag", new DateTimeOffset(2026, 11, 20, 19, 0, 0, TimeSpan.Zero), IsQuestion: true)
                : trackingCode == Code
                ? new InitiativeStatus(Code, "In behandeling", "Speeltuin Parkstraat", new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero))
                : null);
    }
}
