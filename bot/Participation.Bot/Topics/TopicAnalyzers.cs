using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Util;
using Participation.Municipality.Language;

namespace Participation.Bot.Topics;

/// <summary>The platform's Dutch and English analysis of questions and articles, plus concept tokens from <see cref="ConceptSynonyms"/>.</summary>
internal static class TopicAnalyzers
{
    public static Analyzer Dutch { get; } = WithConcepts(TextLanguage.Dutch);

    public static Analyzer English { get; } = WithConcepts(TextLanguage.English);

    public static IReadOnlyList<string> Tokens(Analyzer analyzer, string text) => TextAnalyzer.Terms(analyzer, text);

    private static Analyzer WithConcepts(TextLanguage language)
    {
        using var plain = new TextAnalyzer(language);
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var (concept, phrases) in ConceptSynonyms.Map)
        {
            foreach (var phrase in phrases)
            {
                var words = TextAnalyzer.Terms(plain, phrase);
                // A phrase whose other words are stop words would shrink to one common word ("uit het buitenland" → "buitenland")
                // and claim that word for the wrong concept.
                if (words.Count == 0 || (words.Count == 1 && phrase.Contains(' ', StringComparison.Ordinal)))
                {
                    continue;
                }

                builder.Add(SynonymMap.Builder.Join([.. words], new CharsRef()), new CharsRef(concept), includeOrig: true);
            }
        }

        return new TextAnalyzer(language, builder.Build());
    }
}
