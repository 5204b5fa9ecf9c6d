using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Participation.Bot.Handoff;
using Participation.Bot.Initiatives;
using Participation.Bot.Phrasing;
using Participation.Bot.Topics;
using Participation.Municipality;
using Participation.Municipality.Tracking;

namespace Participation.Bot.Dialogue;

/// <summary>
/// One turn of the conversation: an incoming activity and the stored state in, the bot's activities and the new
/// state out. No I/O of its own beyond the injected boundaries, so the host decides how to deliver and store.
/// </summary>
public sealed partial class TurnEngine(
    TopicClassifier classifier,
    KnowledgeBase knowledge,
    IAnswerPhraser phraser,
    IAgentAvailability agents,
    IInitiativeStatusLookup initiatives,
    IOptions<HandoffOptions> handoffOptions,
    IOptions<MunicipalityOptions> municipalityOptions,
    IOptions<ReferralOptions> referralOptions,
    TimeProvider clock,
    ILogger<TurnEngine> logger)
{
    public async Task<TurnResult> HandleAsync(Activity incoming, ConversationState state, CancellationToken cancellationToken)
    {
        var turn = new Turn(incoming, state, clock.GetUtcNow());
        switch (incoming.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                break;
            case ActivityTypes.ConversationUpdate when incoming.MembersAdded?.Any(m => m.Id != incoming.Recipient?.Id) == true:
                turn.Language = LanguageDetector.FromLocale(incoming.Locale) ?? state.Language ?? LanguageDetector.Dutch;
                Welcome(turn);
                break;
            case ActivityTypes.Event when incoming.Name == BotEvents.HandoffStatus:
                OnHandoffStatus(turn);
                break;
        }

        return new TurnResult(turn.Replies, turn.State);
    }

    private async Task OnMessageAsync(Turn turn, CancellationToken cancellationToken)
    {
        var text = (turn.Incoming.Text ?? turn.Incoming.Value?.ToString() ?? "").Trim();
        var state = turn.State;
        turn.Language = LanguageDetector.Detect(text, state.Language ?? turn.Incoming.Locale);
        turn.Record("user", text, topic: null);

        if (state.Handoff != HandoffPhase.None)
        {
            return; // the agent hub routes this conversation to a person now; the bot keeps the transcript only
        }

        if (text.Length == 0)
        {
            return;
        }

        if (await OnAwaitedAnswerAsync(turn, text, cancellationToken))
        {
            return;
        }

        var understanding = classifier.Classify(text, new DialogueContext(state.LastTopic, state.LastQuestion, turn.Language));
        turn.Language = understanding.Language;
        logger.Understood(turn.Incoming.Conversation?.Id, understanding.Topic, understanding.Kind.ToString(), understanding.Confidence);

        switch (understanding.Kind)
        {
            case UnderstandingKind.TrackingCode:
                await AnswerStatusAsync(turn, understanding, cancellationToken);
                break;
            case UnderstandingKind.AskedForPerson:
                StartHandoff(turn, understanding.Confidence, "asked for a person", text);
                break;
            case UnderstandingKind.Frustration:
                StartHandoff(turn, understanding.Confidence, "frustration", text);
                break;
            case UnderstandingKind.Smalltalk:
                Smalltalk(turn, text, understanding.Confidence);
                break;
            case UnderstandingKind.NotHelpful:
                Failed(turn, understanding, text,
                    L(turn, "Sorry dat dit niet hielp. Kunt u uw vraag anders stellen?", "Sorry that did not help. Could you put your question differently?"));
                break;
            case UnderstandingKind.NotUnderstood:
                Failed(turn, understanding, text, L(turn,
                    "Ik weet niet zeker wat u bedoelt, en ik wil u geen verkeerd antwoord geven. Ik help met paspoort en ID-kaart, verhuizen, buurtinitiatieven en het buurtbudget. Kunt u uw vraag anders stellen?",
                    "I am not sure what you mean, and I do not want to give you a wrong answer. I can help with passports and ID cards, moving house, neighbourhood initiatives and the neighbourhood budget. Could you rephrase your question?"));
                break;
            case UnderstandingKind.KnownOutOfScope:
                OutOfScope(turn, understanding.Confidence, text, understanding.Subject);
                break;
            case UnderstandingKind.Ambiguous:
                Clarify(turn, understanding, text);
                break;
            default:
                await AnswerAsync(turn, understanding.Topic, understanding.Confidence, FollowUpQuestion(state, text), cancellationToken);
                break;
        }
    }

    /// <summary>Handles the answer to a question the bot asked last turn; false when the message is something else.</summary>
    private async Task<bool> OnAwaitedAnswerAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var state = turn.State;
        turn.State = state with { Awaiting = Prompt.None };
        if (state.Awaiting != Prompt.None && TopicClassifier.AsksForPerson(text) && !Email().IsMatch(text))
        {
            return false; // "please, a person" is not a yes to the question the bot asked, nor a bad e-mail address
        }

        switch (state.Awaiting)
        {
            case Prompt.Feedback when Rating().Match(text) is { Success: true } rating:
                var score = int.Parse(rating.Groups[1].Value, CultureInfo.InvariantCulture);
                turn.Emit(BotEvents.Feedback, new JsonObject { ["score"] = score, ["topic"] = state.LastTopic, ["locale"] = turn.Locale });
                turn.Say(L(turn, "Dank u voor uw beoordeling!", "Thank you for your rating!"), Topic.Smalltalk, 1);
                return true;

            case Prompt.RegisterConsent when Yes().IsMatch(text):
                turn.State = turn.State with { Awaiting = Prompt.Email };
                turn.Say(L(turn, "Op welk e-mailadres wilt u het antwoord ontvangen?", "At which e-mail address would you like to receive the answer?"),
                    Topic.Handoff, 1, expectingInput: true);
                return true;

            case Prompt.RegisterConsent when No().IsMatch(text):
                turn.Say(ContactOptions(turn), Topic.Handoff, 1);
                return true;

            case Prompt.Email when Email().Match(text) is { Success: true } email:
                RegisterQuestion(turn, email.Value);
                return true;

            case Prompt.Email when No().IsMatch(text) || Stop().IsMatch(text):
                turn.Say(ContactOptions(turn), Topic.Handoff, 1);
                return true;

            case Prompt.Email when SpellingCorrector.Words(text).Count() <= 3:
                turn.State = turn.State with { Awaiting = Prompt.Email };
                turn.Say(L(turn, "Dat lijkt geen e-mailadres. Typ uw e-mailadres, of 'stop'.", "That does not look like an e-mail address. Type your e-mail address, or 'stop'."),
                    Topic.Handoff, 1, expectingInput: true);
                return true;

            case Prompt.Clarification when ChooseBetween(state.ClarifyBetween, text, turn) is { } chosen:
                turn.State = turn.State with { ClarifyBetween = [] };
                await AnswerAsync(turn, chosen, 0.9, state.LastQuestion ?? text, cancellationToken);
                return true;

            default:
                return false;
        }
    }

    private string? ChooseBetween(IReadOnlyList<string> candidates, string text, Turn turn)
    {
        if (candidates.Count == 0)
        {
            return null;
        }

        if (int.TryParse(text.Trim('.', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= candidates.Count)
        {
            return candidates[number - 1];
        }

        var chosen = candidates.FirstOrDefault(topic => string.Equals(TitleOf(topic, turn.Language), text, StringComparison.OrdinalIgnoreCase));
        if (chosen is not null)
        {
            return chosen;
        }

        // "the cost one" / "de kosten": the offered topic the reply itself points to; anything else is a new question.
        var reading = classifier.Classify(text, new DialogueContext(null, null, turn.Language));
        if (candidates.Contains(reading.Topic))
        {
            return reading.Topic;
        }

        // Alone, "kwijt" reads as out of scope; offered "applying" or "lost", it clearly picks the second. Only a short reply is
        // read as a choice this way: a longer one is a new question.
        if (SpellingCorrector.Words(text).Count() > 3)
        {
            return null;
        }

        var scored = candidates.Select(topic => (Topic: topic, Score: reading.Ranking.FirstOrDefault(s => s.Topic == topic)?.Score ?? 0))
            .OrderByDescending(c => c.Score).ToList();
        var runnerUp = scored.Count > 1 ? scored[1].Score : 0;
        return scored[0].Score >= ChoiceMinimum && scored[0].Score >= 2 * runnerUp ? scored[0].Topic : null;
    }

    /// <summary>How much of a short reply's reading must go to one offered topic (and twice the other's) to count as choosing it.</summary>
    private const double ChoiceMinimum = 0.15;

    private async Task AnswerAsync(Turn turn, string topic, double confidence, string question, CancellationToken cancellationToken)
    {
        var article = knowledge.Find(topic, turn.Language);
        if (article is null)
        {
            OutOfScope(turn, confidence, question);
            return;
        }

        var answer = await phraser.PhraseAsync(question, knowledge.Render(article), cancellationToken);
        turn.Say(answer, topic, confidence);
        turn.State = turn.State with { LastTopic = topic, LastQuestion = question, FailedAnswers = 0, ClarifyBetween = [] };
    }

    private async Task AnswerStatusAsync(Turn turn, Understanding understanding, CancellationToken cancellationToken)
    {
        var code = understanding.TrackingCode!;
        var status = await initiatives.FindAsync(code, cancellationToken);
        var culture = CultureInfo.GetCultureInfo(turn.Language == LanguageDetector.Dutch ? "nl-NL" : "en-GB");
        var text = status switch
        {
            null => L(turn,
                $"Ik kan geen initiatief of vraag vinden met de code {code}. Controleer de code in de bevestigingsmail, of neem contact op via {municipalityOptions.Value.Phone}.",
                $"I cannot find an initiative or question with the code {code}. Please check the code in your confirmation e-mail, or contact us on {municipalityOptions.Value.Phone}."),
            { IsQuestion: true } => L(turn,
                $"Uw vraag met volgcode {status.TrackingCode} is geregistreerd op {status.LastUpdated.ToString("d MMMM yyyy", culture)}. Status: {QuestionStatusWords.Describe(status.Status, english: false)}.",
                $"Your question with tracking code {status.TrackingCode} was registered on {status.LastUpdated.ToString("d MMMM yyyy", culture)}. Status: {QuestionStatusWords.Describe(status.Status, english: true)}."),
            _ => L(turn,
                $"Uw initiatief \"{status.Title}\" ({status.TrackingCode}) heeft de status: {status.Status}. Laatst bijgewerkt op {status.LastUpdated.ToString("d MMMM yyyy", culture)}.",
                $"Your initiative \"{status.Title}\" ({status.TrackingCode}) has the status: {status.Status}. Last updated on {status.LastUpdated.ToString("d MMMM yyyy", culture)}."),
        };
        turn.Say(text, Topic.ParticipationInitiative, understanding.Confidence);
        turn.State = turn.State with { LastTopic = Topic.ParticipationInitiative, LastQuestion = code, FailedAnswers = 0 };
    }

    private void Clarify(Turn turn, Understanding understanding, string text)
    {
        var options = understanding.Ranking.Where(s => Topic.IsAnswerable(s.Topic)).Take(2).Select(s => s.Topic).ToList();
        var titles = options.Select(t => TitleOf(t, turn.Language)).ToList();
        turn.Say(
            L(turn, $"Bedoelt u: {titles[0]}, of: {titles[1]}?", $"Do you mean: {titles[0]}, or: {titles[1]}?"),
            understanding.Topic, understanding.Confidence, expectingInput: true,
            actions: [.. titles.Select(title => CardAction.ImBack(title))]);
        turn.State = turn.State with { Awaiting = Prompt.Clarification, ClarifyBetween = options, LastQuestion = text };
    }

    private void Failed(Turn turn, Understanding understanding, string text, string apology)
    {
        var failures = turn.State.FailedAnswers + 1;
        turn.State = turn.State with { FailedAnswers = failures };
        if (failures >= handoffOptions.Value.FailedAnswersBeforeHandoff)
        {
            StartHandoff(turn, 1, "failed answers", text);
            return;
        }

        turn.Say(apology, understanding.Topic, understanding.Confidence,
            actions: [CardAction.ImBack(L(turn, "Medewerker spreken", "Talk to a person"))]);
    }

    /// <summary>An honest "not mine", the place that does answer it, and a person if the resident wants one.</summary>
    private void OutOfScope(Turn turn, double confidence, string text, string? subject = null)
    {
        var m = municipalityOptions.Value;
        var referral = subject is not null && referralOptions.Value.Subjects.TryGetValue(subject, out var found) ? found : null;
        var whereToGo = referral is null
            ? ContactOptions(turn)
            : L(turn,
                $"Voor {referral.SubjectNl} kunt u terecht bij {referral.PlaceNl ?? m.Name}: {referral.Url} (telefoon {referral.Phone ?? m.Phone}). Wilt u toch iemand van {m.Name} spreken? Vraag dan om een medewerker.",
                $"For {referral.SubjectEn} please go to {referral.PlaceEn ?? m.Name}: {referral.Url} (phone {referral.Phone ?? m.Phone}). Would you rather talk to someone at {m.Name}? Ask for a member of staff.");
        turn.Say(
            L(turn, "Daar kan ik u niet mee helpen. ", "I cannot help you with that. ") + whereToGo,
            Topic.OutOfScope, confidence,
            actions: [CardAction.ImBack(L(turn, "Medewerker spreken", "Talk to a person"))]);
        turn.State = turn.State with { LastQuestion = text, LastTopic = Topic.OutOfScope };
    }

    private void Smalltalk(Turn turn, string text, double confidence)
    {
        var reply = Thanks().IsMatch(text)
            ? L(turn, "Graag gedaan! Kan ik nog ergens mee helpen?", "You're welcome! Is there anything else I can help with?")
            : Goodbye().IsMatch(text)
                ? L(turn, "Tot ziens, en een fijne dag!", "Goodbye, have a nice day!")
                : L(turn, "Hallo! Waarmee kan ik u helpen? Ik beantwoord vragen over paspoort en ID-kaart, verhuizen, buurtinitiatieven en het buurtbudget.",
                    "Hello! How can I help you? I answer questions about passports and ID cards, moving house, neighbourhood initiatives and the neighbourhood budget.");
        turn.Say(reply, Topic.Smalltalk, confidence);
    }

    private void Welcome(Turn turn) =>
        turn.Say(L(turn,
                $"Welkom bij de digitale assistent van {municipalityOptions.Value.Name}. Stel uw vraag over paspoort en ID-kaart, verhuizen, buurtinitiatieven of het buurtbudget.",
                $"Welcome to the digital assistant of {municipalityOptions.Value.Name}. Ask your question about passports and ID cards, moving house, neighbourhood initiatives or the neighbourhood budget."),
            Topic.Smalltalk, 1);

    private void StartHandoff(Turn turn, double confidence, string reason, string text)
    {
        var state = turn.State;
        var question = state.LastQuestion ?? text;
        var available = agents.AgentsAvailable();
        logger.HandoffRequested(turn.Incoming.Conversation?.Id, reason, available);
        if (!available)
        {
            turn.Say(L(turn,
                    $"Onze medewerkers zijn bereikbaar op {municipalityOptions.Value.OpeningHoursNl}; op dit moment is er niemand beschikbaar. Ik kan uw vraag registreren: u krijgt een volgcode en het antwoord per e-mail. Zal ik dat doen?",
                    $"Our staff are available {municipalityOptions.Value.OpeningHoursEn}; nobody is available right now. I can register your question: you get a tracking code and the answer by e-mail. Shall I do that?"),
                Topic.Handoff, confidence, expectingInput: true,
                actions: [CardAction.ImBack(L(turn, "Ja", "Yes")), CardAction.ImBack(L(turn, "Nee", "No"))]);
            turn.State = turn.State with { Awaiting = Prompt.RegisterConsent, PendingQuestion = question, FailedAnswers = 0 };
            return;
        }

        turn.Say(L(turn,
                "Ik verbind u door met een medewerker. Een moment geduld alstublieft; de medewerker ziet ons gesprek.",
                "I am connecting you with a member of staff. One moment please; they can see our conversation so far."),
            Topic.Handoff, confidence);
        var context = new JsonObject
        {
            ["topic"] = state.LastTopic ?? Topic.Handoff,
            ["locale"] = turn.Locale,
            ["summary"] = $"Reason: {reason}. Topic: {state.LastTopic ?? "unknown"}. Question: \"{question}\". Failed answers: {state.FailedAnswers}.",
        };
        turn.Emit(BotEvents.HandoffInitiate, context, [turn.TranscriptAttachment()]);
        turn.State = turn.State with { Handoff = HandoffPhase.Requested, FailedAnswers = 0 };
    }

    private void RegisterQuestion(Turn turn, string email)
    {
        // The same kind of code as an initiative's, so that /volgen and the bot look a registered question up the same way.
        var code = TrackingCode.New().Display;
        var question = turn.State.PendingQuestion ?? turn.State.LastQuestion ?? "";
        turn.Emit(BotEvents.QuestionRegister, new JsonObject
        {
            ["trackingCode"] = code,
            ["question"] = question,
            ["topic"] = turn.State.LastTopic,
            ["locale"] = turn.Locale,
            ["email"] = email,
        }, [turn.TranscriptAttachment()]);
        turn.Say(L(turn,
                $"Uw vraag is geregistreerd met volgcode {code}. U krijgt het antwoord per e-mail op {email}.",
                $"Your question has been registered with tracking code {code}. You will receive the answer by e-mail at {email}."),
            Topic.Handoff, 1);
        turn.State = turn.State with { PendingQuestion = null };
    }

    private void OnHandoffStatus(Turn turn)
    {
        var status = turn.Incoming.Value?["state"]?.GetValue<string>() ?? "";
        turn.Language = turn.State.Language ?? LanguageDetector.FromLocale(turn.Incoming.Locale) ?? LanguageDetector.Dutch;
        logger.HandoffStatus(turn.Incoming.Conversation?.Id, status);
        switch (status)
        {
            case "accepted":
                turn.State = turn.State with { Handoff = HandoffPhase.Active };
                break;
            case "failed":
                turn.State = turn.State with { Handoff = HandoffPhase.None, Awaiting = Prompt.RegisterConsent, PendingQuestion = turn.State.PendingQuestion ?? turn.State.LastQuestion };
                turn.Say(L(turn,
                        "Het is niet gelukt u door te verbinden met een medewerker. Ik kan uw vraag registreren: u krijgt een volgcode en het antwoord per e-mail. Zal ik dat doen?",
                        "I could not connect you with a member of staff. I can register your question: you get a tracking code and the answer by e-mail. Shall I do that?"),
                    Topic.Handoff, 1, expectingInput: true,
                    actions: [CardAction.ImBack(L(turn, "Ja", "Yes")), CardAction.ImBack(L(turn, "Nee", "No"))]);
                break;
            case "completed":
                turn.State = turn.State with { Handoff = HandoffPhase.None, Awaiting = Prompt.Feedback, FailedAnswers = 0 };
                turn.Say(L(turn,
                        "U bent weer in gesprek met de digitale assistent. Hoe tevreden bent u over het gesprek met onze medewerker? Geef een cijfer van 1 (slecht) tot 5 (uitstekend).",
                        "You are back with the digital assistant. How satisfied are you with the conversation with our staff member? Give a score from 1 (poor) to 5 (excellent)."),
                    Topic.Handoff, 1, expectingInput: true,
                    actions: [.. Enumerable.Range(1, 5).Select(i => CardAction.ImBack(i.ToString(CultureInfo.InvariantCulture)))]);
                break;
        }
    }

    private string ContactOptions(Turn turn)
    {
        var m = municipalityOptions.Value;
        return L(turn,
            $"U kunt {m.Name} bellen op {m.Phone} ({m.OpeningHoursNl}) of kijken op {m.Website}. U kunt ook vragen om een medewerker.",
            $"You can call {m.Name} on {m.Phone} ({m.OpeningHoursEn}) or visit {m.Website}. You can also ask for a member of staff.");
    }

    private string TitleOf(string topic, string language) => knowledge.Find(topic, language)?.Title ?? topic;

    /// <summary>A short follow-up ("and for my daughter?") only means something together with the question before it.</summary>
    private static string FollowUpQuestion(ConversationState state, string text) =>
        state.LastQuestion is { } previous && SpellingCorrector.Words(text).Count() <= 6 && Topic.IsAnswerable(state.LastTopic ?? Topic.OutOfScope)
            ? $"{previous} — {text}"[^Math.Min(400, previous.Length + text.Length + 3)..]
            : text;

    private static string L(Turn turn, string dutch, string english) => turn.Language == LanguageDetector.English ? english : dutch;

    [GeneratedRegex(@"^\D*([1-5])\D*$")]
    private static partial Regex Rating();

    [GeneratedRegex(@"^\W*(ja|jazeker|graag|ok|oke|okay|prima|yes|yep|sure|please|doe\s+maar|ja\s+graag|yes\s+please)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Yes();

    [GeneratedRegex(@"^\W*(nee|neen|liever\s+niet|no|nope|no\s+thanks)\b", RegexOptions.IgnoreCase)]
    private static partial Regex No();

    [GeneratedRegex(@"^\W*(stop|annuleer|cancel)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Stop();

    [GeneratedRegex(@"[^@\s]+@[^@\s]+\.[a-z]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(dank|bedankt|dankjewel|dankuwel|thanks|thank\s+you|thx|thnx|thanx|ty|merci|cheers)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    [GeneratedRegex(@"\b(doei|tot\s+ziens|dag\s+dag|bye|goodbye|fijne\s+(dag|avond|middag|weekend)|have\s+a\s+(nice|good|great)\s+(day|one|evening|weekend)|(that'?s|dat\s+was)\s+(all|alles|het))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Goodbye();
}
