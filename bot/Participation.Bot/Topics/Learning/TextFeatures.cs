namespace Participation.Bot.Topics.Learning;

/// <summary>
/// Turns a question into the sparse features the linear model reads: word unigrams and bigrams (phrasing),
/// character 3–5-grams inside word boundaries (typos, compounds, inflections: "identiteitkaart", "verhuisd"),
/// and the analyzers' stems and concept tokens (synonyms across Dutch and English: "kwijt" and "stolen" both give "clost").
/// </summary>
internal static class TextFeatures
{
    private const int MinCharGram = 3;
    private const int MaxCharGram = 5;

    public static Dictionary<string, float> Extract(string text, FeatureWeights? weights = null)
    {
        var (wordWeight, bigramWeight, charWeight, stemWeight, conceptWeight) = weights ?? new FeatureWeights();
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

        foreach (var token in TopicAnalyzers.Tokens(TopicAnalyzers.Dutch, text).Concat(TopicAnalyzers.Tokens(TopicAnalyzers.English, text)).Distinct())
        {
            var isConcept = ConceptSynonyms.Map.ContainsKey(token);
            Add((isConcept ? "k:" : "s:") + token, isConcept ? conceptWeight : stemWeight);
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
}

/// <summary>How much each kind of feature counts before the vector is scaled to unit length.</summary>
/// Defaults chosen by 10-fold cross-validation on the training set: concepts carry the most, character n-grams only repair typos.
public sealed record FeatureWeights(float Word = 1, float Bigram = 0.5f, float Char = 0.3f, float Stem = 0.5f, float Concept = 8);
