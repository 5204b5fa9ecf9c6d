using System.Text.RegularExpressions;

namespace Participation.Bot.Topics.Learning;

/// <summary>
/// Turns a question into the sparse features the linear model reads: word unigrams and bigrams (phrasing),
/// character 3–5-grams inside word boundaries (typos, compounds, inflections: "identiteitkaart", "verhuisd"),
/// and the analyzers' stems and concept tokens (synonyms across Dutch and English: "kwijt" and "stolen" both give "clost").
/// </summary>
internal static partial class TextFeatures
{
    private const int MinCharGram = 3;
    private const int MaxCharGram = 5;

    public static Dictionary<string, float> Extract(string text, FeatureWeights? weights = null)
    {
        var (wordWeight, bigramWeight, charWeight, stemWeight, conceptWeight, questionWeight, pairWeight) = weights ?? new FeatureWeights();
        var counts = new Dictionary<string, float>(StringComparer.Ordinal);
        void Add(string feature, float weight = 1)
        {
            counts[feature] = counts.GetValueOrDefault(feature) + weight;
        }

        var words = SpellingCorrector.Words(text).ToList();
        string? previous = null;
        foreach (var word in words)
        {
            Add("w:" + word, wordWeight);
            if (previous is not null)
            {
                Add("b:" + previous + " " + word, bigramWeight);
            }

            previous = word;
            var padded = "<" + word + ">";
            for (var n = MinCharGram; n <= MaxCharGram; n++)
            {
                for (var i = 0; i + n <= padded.Length; i++)
                {
                    Add(string.Concat("c:", padded.AsSpan(i, n)), charWeight);
                }
            }
        }

        if (words.Count == 0)
        {
            Add("empty");
        }
        else if (words.Count <= 2)
        {
            // One or two words are often a greeting or a bare request ("medewerker"); length alone is a useful signal.
            Add("short");
        }

        // Residents tell the story first and ask last ("we fly to Spain on Friday and my passport expired, can it be done
        // quicker?"): the last clause gets features of its own, so the question outweighs the circumstances around it.
        if (LastClause(text) is { } question)
        {
            foreach (var word in SpellingCorrector.Words(question))
            {
                Add("q:" + word, questionWeight);
            }

            foreach (var token in TopicAnalyzers.Tokens(TopicAnalyzers.Dutch, question).Concat(TopicAnalyzers.Tokens(TopicAnalyzers.English, question)).Distinct())
            {
                if (ConceptSynonyms.Map.ContainsKey(token))
                {
                    Add("qk:" + token, questionWeight);
                }
            }
        }

        var concepts = new List<string>();
        foreach (var token in TopicAnalyzers.Tokens(TopicAnalyzers.Dutch, text).Concat(TopicAnalyzers.Tokens(TopicAnalyzers.English, text)).Distinct())
        {
            var isConcept = ConceptSynonyms.Map.ContainsKey(token);
            Add((isConcept ? "k:" : "s:") + token, isConcept ? conceptWeight : stemWeight);
            if (isConcept)
            {
                concepts.Add(token);
            }
        }

        // Pairs of concepts: what a word means depends on the other ("uittreksel" asked for by the UWV is ours, "kosten" of a
        // child's passport is a price), which a linear model over single concepts cannot express.
        if (pairWeight > 0)
        {
            concepts.Sort(StringComparer.Ordinal);
            for (var i = 0; i < concepts.Count; i++)
            {
                for (var j = i + 1; j < concepts.Count; j++)
                {
                    Add("kk:" + concepts[i] + "+" + concepts[j], pairWeight);
                }
            }
        }

        // Unit length: long story-first questions must not outweigh short ones.
        var norm = 0.0;
        foreach (var value in counts.Values)
        {
            norm += value * value;
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        foreach (var key in counts.Keys.ToList())
        {
            counts[key] *= scale;
        }

        return counts;
    }

    /// <summary>The last clause of a message of several clauses, when it has at least two words; otherwise null.</summary>
    internal static string? LastClause(string text)
    {
        var clauses = ClauseBreak().Split(text).Where(c => c.Any(char.IsLetter)).ToList();
        return clauses.Count > 1 && SpellingCorrector.Words(clauses[^1]).Skip(1).Any() ? clauses[^1] : null;
    }

    [GeneratedRegex(@"[.?!,;:]+(\s|$)")]
    private static partial Regex ClauseBreak();
}

/// <summary>How much each kind of feature counts before the vector is scaled to unit length.</summary>
/// Defaults chosen by 10-fold cross-validation on the training set: concepts carry the most, character n-grams only repair typos;
/// concept pairs at 2 raised the mean over 5 splits from 94.92 % to 95.17 % on 2,396 questions (every split gained).
public sealed record FeatureWeights(float Word = 1, float Bigram = 0.5f, float Char = 0.3f, float Stem = 0.5f, float Concept = 5, float Question = 2, float Pair = 2);
