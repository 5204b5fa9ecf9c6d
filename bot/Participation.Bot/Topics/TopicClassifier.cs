using System.Text.RegularExpressions;

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
    string? TrackingCode = null);

/// <summary>What the conversation so far tells about a new message.</summary>
public sealed record DialogueContext(string? PreviousTopic, string? PreviousQuestion, string? Language);

/// <summary>
/// Decides the topic of a message: a few explicit signals first (a tracking code, asking for a person, frustration,
/// greetings, services we do not handle), then Lucene retrieval over the knowledge base, with the previous
/// question as context for short follow-ups.
/// </summary>
public sealed partial class TopicClassifier(TopicIndex index)
{
    /// <summary>Below this retrieval score the bot admits it did not understand rather than guess.</summary>
    internal const double MinimumScore = 6;

    /// <summary>A score at which the bot is fully sure of the top topic, were there no competitor.</summary>
    internal const double ConfidentScore = 20;

    /// <summary>A runner-up scoring at least this share of the top topic makes the question ambiguous.</summary>
    internal const double AmbiguityRatio = 0.8;

    public Understanding Classify(string text, DialogueContext context)
    {
        var language = LanguageDetector.Detect(text, context.Language);
        var words = SpellingCorrector.Words(text).Count();

        if (TrackingCodePattern().Match(text) is { Success: true } code)
        {
            return new(Topic.ParticipationInitiative, 0.95, language, UnderstandingKind.TrackingCode, [], code.Value.ToUpperInvariant());
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

        if (context.PreviousTopic is not null && NotHelpful().IsMatch(text))
        {
            return new(context.PreviousTopic, 0.3, language, UnderstandingKind.NotHelpful, retrieval.Ranking);
        }

        if (retrieval.Concepts.Contains("coutside") && !mentionsSubject)
        {
            return new(Topic.OutOfScope, 0.85, language, UnderstandingKind.KnownOutOfScope, retrieval.Ranking);
        }

        if (context.PreviousTopic is { } previous && Topic.IsAnswerable(previous) && IsFollowUp(text, words, mentionsSubject))
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
            retrieval = index.Search($"{context.PreviousQuestion} {text}");
        }

        return FromRetrieval(retrieval, language);
    }

    private static Understanding FromRetrieval(Retrieval retrieval, string language)
    {
        var top = retrieval.Top;
        if (top.Score < MinimumScore)
        {
            return new(Topic.OutOfScope, Math.Round(Math.Clamp(0.3 - top.Score / 10, 0.05, 0.3), 2), language, UnderstandingKind.NotUnderstood, retrieval.Ranking);
        }

        var runnerUp = retrieval.Ranking.Skip(1).FirstOrDefault(s => Topic.IsAnswerable(s.Topic))?.Score ?? 0;
        var confidence = Math.Round(top.Score / (top.Score + runnerUp) * Math.Min(1, top.Score / ConfidentScore), 2);
        var kind = top.Topic switch
        {
            Topic.OutOfScope => UnderstandingKind.KnownOutOfScope,
            Topic.Handoff => UnderstandingKind.AskedForPerson,
            Topic.Smalltalk => UnderstandingKind.Smalltalk,
            _ when runnerUp >= AmbiguityRatio * top.Score => UnderstandingKind.Ambiguous,
            _ => UnderstandingKind.Answer,
        };
        return new(top.Topic, confidence, language, kind, retrieval.Ranking);
    }

    private static bool IsFollowUp(string text, int words, bool mentionsSubject) =>
        FollowUpOpening().IsMatch(text) || (words <= 6 && !mentionsSubject);

    [GeneratedRegex(@"\b[A-Z]{2,4}-\d{4}-\d{3,6}\b", RegexOptions.IgnoreCase)]
    private static partial Regex TrackingCodePattern();

    [GeneratedRegex(
        @"\b(medewerker|mens|(echt|echte|levend)\w*\s+(persoon|mens)|iemand\s+(spreken|bellen|aan\s+de\s+lijn|te\s+spreken)|persoon\s+spreken|doorverbind\w*|verbind\s+me\s+door|met\s+een\s+persoon|human|real\s+person|live\s+(agent|person|chat)|(speak|talk|chat)\s+(to|with)\s+(a|an|someone|somebody|a\s+real|an\s+actual|a\s+live)?\s*(person|agent|employee|human|staff|someone|somebody|representative|operator)|representative|operator)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex AskForPerson();

    [GeneratedRegex(
        @"(je\s+snapt\s+(me|het)\s+niet|je\s+begrijpt\s+(me|het)\s+niet|stomme\s+bot|domme\s+bot|waardeloos|belachelijk|slaat\s+nergens\s+op|you\s+(don'?t|do\s+not)\s+understand|useless|stupid\s+bot|ridiculous|this\s+is\s+not\s+working|!!!)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Frustration();

    [GeneratedRegex(
        @"^\W*(hallo|hoi|hey|hi|hello|hiya|goedemorgen|goedemiddag|goedenavond|goededag|dag|good\s+(morning|afternoon|evening)|bedankt|dank\s*(je|u)\s*(wel)?|dankjewel|dankuwel|thanks|thank\s+you|cheers|tot\s+ziens|doei|bye|goodbye|fijne\s+dag|have\s+a\s+nice\s+day)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Greeting();

    [GeneratedRegex(
        @"(helpt\s+(me\s+)?niet|heb\s+ik\s+niets\s+aan|niet\s+wat\s+ik\s+(bedoel|vroeg)|dat\s+bedoel\s+ik\s+niet|klopt\s+niet|didn'?t\s+help|does\s*n'?t\s+help|not\s+helpful|not\s+what\s+i\s+(meant|asked)|wrong\s+answer)",
        RegexOptions.IgnoreCase)]
    private static partial Regex NotHelpful();

    [GeneratedRegex(@"^\W*(en|and|ook|also|what\s+about|how\s+about|maar|but)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FollowUpOpening();
}
