using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

using Participation.Municipality.Language;

namespace Participation.Initiatives.Similarity;

/// <summary>An existing initiative as the similarity index needs it.</summary>
public sealed record IndexedInitiative(string Id, string Neighbourhood, string Title, string Description);

/// <param name="Score">Cosine similarity of the two texts' weighted terms, 0 to 1; comparable across searches.</param>
public sealed record SimilarInitiative(string Id, string Title, double Score);

/// <summary>
/// An in-memory Lucene index of existing initiatives, to show a resident or an official which initiatives in the same
/// neighbourhood say much the same. Lucene analyses the texts (Dutch and English) and finds candidates; the score is a
/// cosine over idf-weighted terms, title terms counting double, so one threshold means the same for short and long texts.
/// </summary>
public sealed class SimilarInitiativeIndex : IDisposable
{
    public const double DefaultThreshold = 0.2;

    private const string IdField = "id";
    private const string NeighbourhoodField = "neighbourhood";
    private const string TitleField = "title";
    private const double TitleWeight = 2;

    // BooleanQuery refuses more than 1024 clauses; a description that long is matched on its first words.
    private const int MaximumQueryTerms = 400;

    // Residents mix languages, so every text is analysed both ways, each way dropping the stop words of both languages.
    private static readonly Analyzer Dutch = new TextAnalyzer(TextLanguage.Dutch, TextAnalyzer.DutchAndEnglishStopWords);

    private static readonly (string Field, Analyzer Analyzer)[] Languages =
    [
        ("nl", Dutch),
        ("en", new TextAnalyzer(TextLanguage.English, TextAnalyzer.DutchAndEnglishStopWords)),
    ];

    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly Dictionary<string, Dictionary<Term, double>> termsById = new(StringComparer.Ordinal);

    public SimilarInitiativeIndex(IEnumerable<IndexedInitiative> initiatives)
    {
        ArgumentNullException.ThrowIfNull(initiatives);
        var analyzer = new PerFieldAnalyzerWrapper(Dutch, Languages.ToDictionary(l => l.Field, l => l.Analyzer));
        var all = initiatives.ToList();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalyzer.Version, analyzer)))
        {
            foreach (var initiative in all)
            {
                var document = new Document
                {
                    new StringField(IdField, initiative.Id, Field.Store.YES),
                    new StringField(NeighbourhoodField, initiative.Neighbourhood, Field.Store.NO),
                    new StoredField(TitleField, initiative.Title),
                };
                foreach (var (field, _) in Languages)
                {
                    document.Add(new TextField(field, Text(initiative.Title, initiative.Description), Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader);
        foreach (var initiative in all)
        {
            termsById[initiative.Id] = Weigh(initiative.Title, initiative.Description);
        }
    }

    public int Count => reader.NumDocs;

    /// <summary>
    /// Initiatives in <paramref name="neighbourhood"/> whose text resembles the given one, best first, at most
    /// <paramref name="max"/>, each scoring at least <paramref name="threshold"/>. <paramref name="excludeId"/> leaves out
    /// the initiative itself when it is already indexed.
    /// </summary>
    public IReadOnlyList<SimilarInitiative> FindSimilar(
        string neighbourhood,
        string title,
        string description,
        int max = 5,
        double threshold = DefaultThreshold,
        string? excludeId = null)
    {
        var query = Weigh(title, description);
        if (query.Count == 0 || reader.NumDocs == 0)
        {
            return [];
        }

        var anyTerm = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        foreach (var term in query.OrderByDescending(t => t.Value).Take(MaximumQueryTerms).Select(t => t.Key))
        {
            anyTerm.Add(new TermQuery(term), Occur.SHOULD);
        }

        var search = new BooleanQuery
        {
            { new TermQuery(new Term(NeighbourhoodField, neighbourhood)), Occur.MUST },
            { anyTerm, Occur.MUST },
        };

        var matches = new List<SimilarInitiative>();
        foreach (var hit in searcher.Search(search, Math.Max(50, max * 10)).ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            var id = document.Get(IdField);
            if (id == excludeId)
            {
                continue;
            }

            var score = Math.Round(Cosine(query, termsById[id]), 3);
            if (score >= threshold)
            {
                matches.Add(new SimilarInitiative(id, document.Get(TitleField), score));
            }
        }

        return matches
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Id, StringComparer.Ordinal)
            .Take(max)
            .ToList();
    }

    private Dictionary<Term, double> Weigh(string title, string description)
    {
        var weights = new Dictionary<Term, double>();
        var total = Math.Max(reader.NumDocs, 1);
        foreach (var (field, analyzer) in Languages)
        {
            var titleTerms = TextAnalyzer.Terms(analyzer, title ?? string.Empty).ToHashSet(StringComparer.Ordinal);
            foreach (var text in TextAnalyzer.Terms(analyzer, Text(title, description)).Distinct(StringComparer.Ordinal))
            {
                var term = new Term(field, text);
                var documentFrequency = reader.DocFreq(term);
                var idf = Math.Log(1 + ((total - documentFrequency + 0.5) / (documentFrequency + 0.5)));
                weights[term] = idf * (titleTerms.Contains(text) ? TitleWeight : 1);
            }
        }

        return weights;
    }

    private static double Cosine(Dictionary<Term, double> a, Dictionary<Term, double> b)
    {
        var dot = a.Where(pair => b.ContainsKey(pair.Key)).Sum(pair => pair.Value * b[pair.Key]);
        var norms = Math.Sqrt(a.Values.Sum(v => v * v)) * Math.Sqrt(b.Values.Sum(v => v * v));
        return norms == 0 ? 0 : dot / norms;
    }

    private static string Text(string? title, string? description) => $"{title}\n{description}";

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
