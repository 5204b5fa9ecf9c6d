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

namespace Participation.Municipality.Language;

/// <summary>
/// Dutch or English analysis of what residents write: tokenize, lowercase, fold accents (België = belgie), drop stop words,
/// stem with the Dutch Snowball or the English Porter stemmer, then, when given, add synonym tokens after the stems.
/// </summary>
public sealed class TextAnalyzer(TextLanguage language, CharArraySet stopWords, SynonymMap? synonyms = null) : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public TextAnalyzer(TextLanguage language, SynonymMap? synonyms = null)
        : this(language, StopWordsOf(language), synonyms)
    {
    }

    /// <summary>Both stop lists, for texts that mix the languages: "de" and "the" then never make two texts look alike.</summary>
    public static CharArraySet DutchAndEnglishStopWords { get; } = BothStopLists();

    public static CharArraySet StopWordsOf(TextLanguage language) =>
        language == TextLanguage.English ? EnglishAnalyzer.DefaultStopSet : DutchAnalyzer.DefaultStopSet;

    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in order.</summary>
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

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var english = language == TextLanguage.English;
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = english ? new EnglishPossessiveFilter(Version, source) : source;
        stream = new LowerCaseFilter(Version, stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, stopWords);
        stream = english ? new PorterStemFilter(stream) : new SnowballFilter(stream, new Lucene.Net.Tartarus.Snowball.Ext.DutchStemmer());
        if (synonyms is not null)
        {
            stream = new SynonymFilter(stream, synonyms, ignoreCase: true);
        }

        return new TokenStreamComponents(source, stream);
    }

    private static CharArraySet BothStopLists()
    {
        var set = new CharArraySet(Version, 512, ignoreCase: true);
        set.UnionWith(DutchAnalyzer.DefaultStopSet);
        set.UnionWith(EnglishAnalyzer.DefaultStopSet);
        return set.AsReadOnly();
    }
}
