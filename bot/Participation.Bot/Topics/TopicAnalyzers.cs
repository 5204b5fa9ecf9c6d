using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Participation.Bot.Topics;

/// <summary>
/// Dutch and English analysis for questions and articles: tokenize, lowercase, fold accents (België = belgie),
/// drop stop words, stem, then add concept tokens from <see cref="ConceptSynonyms"/>.
/// </summary>
internal static class TopicAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer Dutch { get; } = WithConcepts(language: "nl");

    public static Analyzer English { get; } = WithConcepts(language: "en");

    public static IReadOnlyList<string> Tokens(Analyzer analyzer, string text)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        stream.End();
        return tokens;
    }

    private static Analyzer WithConcepts(string language)
    {
        using var plain = new LanguageAnalyzer(language, synonyms: null);
        var builder = new SynonymMap.Builder(dedup: true);
        foreach (var (concept, phrases) in ConceptSynonyms.Map)
        {
            foreach (var phrase in phrases)
            {
                var words = Tokens(plain, phrase);
                // A phrase whose other words are stop words would shrink to one common word ("uit het buitenland" → "buitenland")
                // and claim that word for the wrong concept.
                if (words.Count == 0 || (words.Count == 1 && phrase.Contains(' ', StringComparison.Ordinal)))
                {
                    continue;
                }

                builder.Add(SynonymMap.Builder.Join([.. words], new CharsRef()), new CharsRef(concept), includeOrig: true);
            }
        }

        return new LanguageAnalyzer(language, builder.Build());
    }

    private sealed class LanguageAnalyzer(string language, SynonymMap? synonyms) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = language == "en" ? new EnglishPossessiveFilter(Version, source) : source;
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, language == "en" ? EnglishAnalyzer.DefaultStopSet : DutchAnalyzer.DefaultStopSet);
            stream = language == "en" ? new PorterStemFilter(stream) : new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
            if (synonyms is not null)
            {
                stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
            }

            return new TokenStreamComponents(source, stream);
        }
    }
}
