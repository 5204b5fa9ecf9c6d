using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Participation.Initiatives.Similarity;

/// <summary>
/// Dutch and English analysis of initiative texts: tokenize, lowercase, fold accents, drop the stop words of both
/// languages, then stem with the Dutch Snowball or the English Porter stemmer. Residents mix languages, so every text
/// is analysed both ways; both stop lists apply to both so "de" and "the" never make two texts look alike.
/// </summary>
internal static class SimilarityAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly CharArraySet StopWords = BothStopLists();

    public static Analyzer Dutch { get; } = new TextAnalyzer(english: false);

    public static Analyzer English { get; } = new TextAnalyzer(english: true);

    public static IReadOnlyList<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static CharArraySet BothStopLists()
    {
        var set = new CharArraySet(Version, 512, ignoreCase: true);
        set.UnionWith(DutchAnalyzer.DefaultStopSet);
        set.UnionWith(EnglishAnalyzer.DefaultStopSet);
        return set.AsReadOnly();
    }

    private sealed class TextAnalyzer(bool english) : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = english ? new EnglishPossessiveFilter(Version, source) : source;
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, StopWords);
            stream = english ? new PorterStemFilter(stream) : new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
            return new TokenStreamComponents(source, stream);
        }
    }
}
