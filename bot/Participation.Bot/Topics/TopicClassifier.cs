using System.Text.RegularExpressions;
using Participation.Bot.Topics.Learning;
using Participation.Municipality.Tracking;

namespace Participation.Bot.Topics;

/// <summary>Why the classifier chose its topic; the dialogue acts on this, the channel only sees the topic.</summary>
public enum UnderstandingKind
{
    Answer,
    Ambiguous,
    TrackingCode,
    AskedForPerson,
    Frustration,
    Smalltalk,
    NotHelpful,
    KnownOutOfScope,
    NotUnderstood,
}

/// <summary>The bot's reading of one message.</summary>
public sealed record Understanding(
    string Topic,
    double Confidence,
    string Language,
    UnderstandingKind Kind,
    IReadOnlyList<TopicScore> Ranking,
    string? TrackingCode = null,
    string? Subject = null);

/// <summary>What the conversation so far tells about a new message.</summary>
public sealed record DialogueContext(string? PreviousTopic, string? PreviousQuestion, string? Language);

/// <summary>
/// Decides the topic of a message. Explicit rules only for what is protocol rather than meaning: a tracking code, asking
/// for a person, a conversation going badly, greetings and thanks. Everything else is read by a linear model trained on the
/// bot's own question set (<see cref="LinearTopicModel"/>), blended with Lucene retrieval over the articles, and the
/// blended probability decides between answering, one clarifying question, and saying honestly that it is out of scope.
/// </summary>
public sealed partial class TopicClassifier(TopicIndex index, QuestionModels models)
{
    /// <summary>Retrieval's share in the blend: the articles know facts the questions do not mention, the model knows phrasing.</summary>
    internal const double RetrievalWeight = 0.2;

    /// <summary>Below this the top topic is a guess: ask which of the two best topics the resident means.</summary>
    internal const double ClarifyBelow = 0.45;

    /// <summary>Below this retrieval score, and with a model that is unsure too, the bot admits it did not understand.</summary>
    internal const double MinimumScore = 6;

    internal const double NotUnderstoodBelow = 0.35;

    /// <summary>Below this the model's "handoff" or "smalltalk" is not acted on: starting a handoff nobody asked for is costly.</summary>
    internal const double ConversationTopicMinimum = 0.6;

    public Understanding Classify(string text, DialogueContext context)
    {
        var language = LanguageDetector.Detect(text, context.Language);
        var words = SpellingCorrector.Words(text).Count();

        if (FindTrackingCode(text) is { } code)
        {
            return new(Topic.ParticipationInitiative, 0.95, language, UnderstandingKind.TrackingCode, [], code);
        }

        if (AskForPerson().IsMatch(text))
        {
            return new(Topic.Handoff, 0.95, language, UnderstandingKind.AskedForPerson, []);
        }

        if (Frustration().IsMatch(text))
        {
            return new(Topic.Handoff, 0.8, language, UnderstandingKind.Frustration, []);
        }

        var retrieval = index.Search(text);
        var mentionsSubject = retrieval.Concepts.Overlaps(ConceptSynonyms.Subjects);

        if (Greeting().IsMatch(text) && (words <= 4 || !mentionsSubject))
        {
            return new(Topic.Smalltalk, 0.9, language, UnderstandingKind.Smalltalk, retrieval.Ranking);
        }

        var reading = Read(text, retrieval);
        // "That did not help" is answered by the rule (apologise, ask again, hand off after repeated failures), not by the
        // model's reading of it as a request for a person; explicit requests were caught above.
        if (context.PreviousTopic is not null && NotHelpful().IsMatch(text))
        {
            return new(context.PreviousTopic, 0.3, language, UnderstandingKind.NotHelpful, retrieval.Ranking);
        }

        if (context.PreviousTopic is { } previous && Topic.IsAnswerable(previous) && IsFollowUp(text, words, mentionsSubject)
            && reading.Kind is not UnderstandingKind.AskedForPerson
            && !(reading.Kind is UnderstandingKind.KnownOutOfScope && reading.Confidence >= 0.8))
        {
            var family = Topic.Family(previous);
            var aboutChild = retrieval.Concepts.Contains("cchild");
            if (family == "id" && aboutChild)
            {
                return new(Topic.IdChild, 0.8, language, UnderstandingKind.Answer, retrieval.Ranking);
            }

            if (family == "move" && (aboutChild || retrieval.Concepts.Contains("cpartner")))
            {
                return new(Topic.MoveFamily, 0.8, language, UnderstandingKind.Answer, retrieval.Ranking);
            }

            // "and what does that cost?" only makes sense together with the question before it.
            var together = $"{context.PreviousQuestion} {text}";
            reading = Read(together, index.Search(together));
        }

        return reading with { Language = language };
    }

    /// <summary>The model's and retrieval's reading of a question without conversation context.</summary>
    private Understanding Read(string text, Retrieval retrieval)
    {
        var probabilities = new Dictionary<string, double>();
        foreach (var label in models.Topics.Predict(text))
        {
            probabilities[label.Label] = (1 - RetrievalWeight) * label.Probability;
        }

        var retrieved = retrieval.Ranking.Where(s => Topic.IsAnswerable(s.Topic) && s.Score > 0).ToList();
        var retrievedTotal = retrieved.Sum(s => s.Score);
        if (retrievedTotal > 0)
        {
            foreach (var score in retrieved)
            {
                probabilities[score.Topic] = probabilities.GetValueOrDefault(score.Topic) + RetrievalWeight * score.Score / retrievedTotal;
            }
        }
        else
        {
            // Nothing in the articles matches: retrieval's share goes to "not ours".
            probabilities[Topic.OutOfScope] = probabilities.GetValueOrDefault(Topic.OutOfScope) + RetrievalWeight;
        }

        var ranking = probabilities.Select(p => new TopicScore(p.Key, p.Value))
            .OrderByDescending(s => s.Score).ThenBy(s => s.Topic, StringComparer.Ordinal).ToList();
        var top = ranking[0];
        if (top.Topic is Topic.Handoff or Topic.Smalltalk && top.Score < ConversationTopicMinimum)
        {
            // The rules catch what asking for a person or greeting looks like; the model's unsure guess at either is
            // more often a question about something else ("help with energy bills") than a request.
            ranking = [.. ranking.Where(s => s.Topic is not (Topic.Handoff or Topic.Smalltalk))];
            top = ranking[0];
        }

        var runnerUp = ranking.Count > 1 ? ranking[1] : new TopicScore(Topic.OutOfScope, 0);
        var confidence = Math.Round(top.Score, 2);

        var unknownWords = models.Topics.KnownWordShare(text) == 0;
        if ((unknownWords || top.Score < NotUnderstoodBelow) && retrieval.Top.Score < MinimumScore)
        {
            return new(Topic.OutOfScope, Math.Min(confidence, 0.3), "", UnderstandingKind.NotUnderstood, ranking);
        }

        if (Topic.IsAnswerable(top.Topic) && NamesOnlyAnotherProduct(retrieval.Concepts))
        {
            // "stadspas verlopen", "pasfoto voor mijn rijbewijs": the words are ours, the product is not. An in-scope
            // answer here is the worst kind of wrong, so the product named decides over the model.
            var outside = probabilities.GetValueOrDefault(Topic.OutOfScope);
            return new(Topic.OutOfScope, Math.Round(Math.Max(outside, 1 - top.Score), 2), "", UnderstandingKind.KnownOutOfScope, ranking,
                Subject: models.Subjects.Predict(text)[0].Label);
        }

        var kind = top.Topic switch
        {
            Topic.OutOfScope => UnderstandingKind.KnownOutOfScope,
            Topic.Handoff => UnderstandingKind.AskedForPerson,
            Topic.Smalltalk => UnderstandingKind.Smalltalk,
            _ when top.Score < ClarifyBelow && Topic.IsAnswerable(runnerUp.Topic) => UnderstandingKind.Ambiguous,
            _ when top.Score < ClarifyBelow && runnerUp.Topic == Topic.OutOfScope => UnderstandingKind.KnownOutOfScope,
            _ => UnderstandingKind.Answer,
        };
        if (kind == UnderstandingKind.KnownOutOfScope)
        {
            var outside = top.Topic == Topic.OutOfScope ? top : runnerUp;
            return new(Topic.OutOfScope, Math.Round(outside.Score, 2), "", kind, ranking, Subject: models.Subjects.Predict(text)[0].Label);
        }

        return new(top.Topic, confidence, "", kind, ranking);
    }

    private static bool NamesOnlyAnotherProduct(IReadOnlySet<string> concepts) =>
        concepts.Contains(ConceptSynonyms.OtherProduct) && !concepts.Overlaps(ConceptSynonyms.OwnProducts);

    /// <summary>
    /// A tracking code typed alone or inside a sentence ("hoe staat 13DK33M2H83 ervoor?"), with or without dashes. An
    /// eleven-letter word passes the check symbol once in 32, so a candidate without digits or dashes must be typed in capitals.
    /// </summary>
    internal static string? FindTrackingCode(string text)
    {
        foreach (Match candidate in TrackingCodeCandidate().Matches(text))
        {
            var value = candidate.Value;
            var looksLikeCode = value.Any(char.IsDigit) || value.Contains('-', StringComparison.Ordinal) || value.All(c => !char.IsLower(c));
            if (looksLikeCode && TrackingCode.TryParse(value, out var code, out _))
            {
                return code.Display;
            }
        }

        return null;
    }

    /// <summary>An explicit request for a person, or a resident fed up with the bot: either way a person should take over.</summary>
    internal static bool AsksForPerson(string text) => AskForPerson().IsMatch(text) || Frustration().IsMatch(text);

    private static bool IsFollowUp(string text, int words, bool mentionsSubject) =>
        FollowUpOpening().IsMatch(text) || (words <= 6 && !mentionsSubject);

    [GeneratedRegex(@"\b[0-9A-Z]{4}[-\s]?[0-9A-Z]{4}[-\s]?[0-9A-Z]{3}\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrackingCodeCandidate();

    // Requests for a person in the forms residents use: bare ("medewerker", "human please"), polite ("kan ik iemand spreken",
    // "could I speak with a member of staff") and fed up ("get me someone"). "In person", "someone else may collect", a story
    // about a member of staff ("de medewerker aan de balie zei ...") and human resources are not requests.
    [GeneratedRegex(
        @"^\W*(een\s+|a\s+)?(person|persoon|staff|support|help\s*desk|servicedesk)\W*(please|pls|aub|graag|alstublieft|alsjeblieft)?\W*$|\b((?<!\b(de|die|deze|als|over\s+(een|de)|word\s+ik)\s+)\w*medewerker\w*(?!\s+(zei|zegt|gaf|heeft|had|was|worden))|pass\s+me\s+(on\s+)?to\s+(someone|somebody|a\s+(real\s+)?(person|human))|iemand\s+(van\s+(de\s+)?gemeente\s+)?(\w+\s+)?(spreken|praten|bellen|overleggen|meekijken)|(geef|give)\s+(me|mij)\s+(iemand|someone|somebody)|(?<!in\s)(persoon|person|human)\s+(\w+\s+)?(helpen|help)|(someone|somebody|anyone|anybody)\s+from\s+the\s+(council|municipality|town\s+hall|city)|(anybody|anyone|somebody|someone)\s+there|(someone|somebody|iemand)\s+(real|echt\w*)|prefer\s+(a\s+)?(real\s+)?(person|human|people)|liever\s+(een\s+)?(persoon|mens)|met\s+iemand\s+(\w+\s+)?(overleggen|praten|bellen|spreken)|mens|menselijke\s+hulp|(echt|echte|levend|levende)\s+(persoon|mens)|iemand(\s+anders)?\s+(spreken|bellen|aan\s+de\s+(lijn|telefoon)|te\s+spreken)|(spreek|spreken|praat|praten|chat|chatten)\s+(met\s+)?(een\s+)?(echt\w*\s+)?(persoon|mens|medewerker|iemand|ambtenaar)|persoon\s+spreken|doorverbind\w*|verbind\s+(me|mij|mn|u)\s+door|met\s+een\s+(persoon|mens)|klantenservice|terugbel\w*|bel\s+(me|mij)\s+(terug|op)|iemand\s+die\s+(mij|me)\s+(kan|wil)\s+helpen|wil\s+iemand\s+(die|anders)|human(?!\s+resources)\w*|(real|actual|live)\s+(person|agent|chat|people)|(een|uw|jouw|je)\s+collega(\s+van\s+(u|jou|jullie))?\s+(mij|me|naar|kan|kijken|helpen|verder)|collega\s+van\s+(u|jou|jullie)|(a\s+)?colleague\s+of\s+yours|your\s+colleague|(?<!estate\s|travel\s)agent|(speak|talk|chat)\w*\s+(to|with)\s+(a\s+|an\s+|the\s+)?(real\s+|actual\s+|live\s+)?(person|agent|employee|human|staff|someone|somebody|anyone|representative|operator|member\s+of\s+staff|people)|(want|need|get\s+me|give\s+me|find\s+me)\s+(someone|somebody|a\s+person)|(can|could|may)\s+(a|some)\s+(real\s+)?(person|human)\s+help|(someone|somebody|a\s+person|a\s+human|iemand)\s+(i|ik)\s+(can|could|kan)\s+(talk|speak|chat|spreken|praten|bellen)|(put|connect)\s+me\s+(through|to)|(not|no)\s+(a\s+)?(bot|robot)\W+(please|pls)|(can|could)\s+you\s+(call|ring|phone)\s+me|anyone\s+there|member\s+of\s+staff|staff\s+member|customer\s+service|call\s*me\s+back|call\s*back|representative|operator|transfer\s+me)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex AskForPerson();

    [GeneratedRegex(
        @"(je\s+snapt\s+(me|het)\s+niet|je\s+begrijpt\s+(me|het)\s+niet|stomme\s+bot|domme\s+bot|waardeloos|belachelijk|slaat\s+nergens\s+op|you\s+(don'?t|do\s+not)\s+understand|useless|stupid\s+bot|ridiculous|this\s+is\s+not\s+working|(u|jij|je)\s+begrijpt\s+(me|mij|het)\s+niet|(snap|begrijp)\s+(jij|je|u)\s+(me|mij|het)\s+(nou\s+)?niet|word\s+(er\s+)?gek\s+van|dit\s+heeft\s+geen\s+zin|fed\s+up|(you|this)\s+(are|is)\s+no\s+help|not\s+helping|waste\s+of\s+(my\s+)?time|!!!)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Frustration();

    [GeneratedRegex(
        @"^\W*((ok|oke|okay|top|super|great|perfect|prima|fijn|helder|duidelijk)\W+)?(hallo\w*|hoi|hey|hi|hello|groetjes|hiya|goe(de|ie)(morgen|middag|navond|dag)|dag|good\s+(morning|afternoon|evening)|(heel\s+(erg\s+)?)?bedankt|dank\s*(je|u)\s*(wel)?|dankjewel|dankuwel|thanks|thank\s+you|thx|thnx|thanx|ty|merci|cheers|tot\s+ziens|doei|bye|goodbye|fijne\s+(dag|avond|middag|weekend)|have\s+a\s+(nice|good|great)\s+(day|one|evening|weekend)|(that'?s|dat\s+was)\s+(all|alles|het))\b|\b(dank|bedankt|dankjewel|dankuwel|thanks|thank\s+you|thx|ty|merci)\W*$|^\W*(ben\s+(jij|je|u)|are\s+you)\s+(een\s+|a\s+)?(robot|bot|chatbot|computer)\b|^\W*(ok|oke|okay|okido|alright|all\s+right|prima|top|super|mooi(\s+zo)?|helder|duidelijk|great|perfect|nice|cool|fine)\W*$|^\W*(wie\s+ben\s+(jij|je|u)|wat\s+(kun|kan)\s+(jij|je|u)(\s+allemaal)?(\s+doen)?|who\s+are\s+you|what\s+can\s+you\s+do)\b(?!\s+\w+\s+\w)|(je\s+hebt|u\s+heeft)\s+(me|mij)\s+(goed\s+|erg\s+|heel\s+|echt\s+)*geholpen|you('ve|\s+have)\s+been\s+(very\s+|really\s+|a\s+great\s+)?(help|helpful)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(
        @"(helpt\s+(me\s+)?niet|heb\s+ik\s+niets\s+aan|niet\s+wat\s+ik\s+(bedoel|vroeg)|dat\s+bedoel\s+ik\s+niet|klopt\s+niet|didn'?t\s+help|does\s*n'?t\s+help|not\s+helpful|not\s+what\s+i\s+(meant|asked)|wrong\s+answer)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NotHelpful();

    [GeneratedRegex(@"^\W*(en|and|ook|also|what\s+about|how\s+about|maar|but)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpOpening();
}
