using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Participation.Municipality.Language;

namespace Participation.Bot.Topics;

/// <summary>A topic with its retrieval score; scores are only comparable within one question.</summary>
public sealed record TopicScore(string Topic, double Score);

/// <summary>What retrieval found for one question: topics by score, and the concepts the question mentions.</summary>
public sealed record Retrieval(IReadOnlyList<TopicScore> Ranking, IReadOnlySet<string> Concepts)
{
    public TopicScore Top => Ranking.Count > 0 ? Ranking[0] : new TopicScore(Topic.OutOfScope, 0);
}

/// <summary>
/// An in-memory Lucene index of the knowledge base. Each article is indexed in the field of its language
/// ("nl" or "en"); a question is analyzed by both analyzers and searched in both fields, so concept tokens
/// let a Dutch question find an English article and the other way round. A topic scores the sum of its articles.
/// </summary>
public sealed class TopicIndex : IDisposable
{
    private const float ConceptBoost = 2f;

    /// <summary>Title and keywords say what an article is for; its body also mentions neighbouring matters.</summary>
    private const float SummaryBoost = 1.5f;
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly SpellingCorrector speller;

    public TopicIndex(KnowledgeBase knowledge)
    {
        var analyzer = new PerFieldAnalyzerWrapper(TopicAnalyzers.Dutch, new Dictionary<string, Analyzer>
        {
            [LanguageDetector.Dutch] = TopicAnalyzers.Dutch,
            [LanguageDetector.English] = TopicAnalyzers.English,
            [SummaryField(LanguageDetector.Dutch)] = TopicAnalyzers.Dutch,
            [SummaryField(LanguageDetector.English)] = TopicAnalyzers.English,
        });
        var config = new IndexWriterConfig(TextAnalyzer.Version, analyzer) { Similarity = new BM25Similarity() };
        var texts = new List<string>();
        using (var writer = new IndexWriter(directory, config))
        {
            foreach (var article in knowledge.Articles)
            {
                var summary = string.Join('\n', article.Title, string.Join(", ", article.Keywords));
                var body = knowledge.Fill(article.Body, article.Language);
                texts.Add(summary);
                texts.Add(body);
                writer.AddDocument(new Document
                {
                    new StringField("topic", article.Topic, Field.Store.YES),
                    new TextField(article.Language, body, Field.Store.NO),
                    new TextField(SummaryField(article.Language), summary, Field.Store.NO),
                });
            }

            writer.Commit();
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        speller = new SpellingCorrector(texts, ConceptSynonyms.Map.Values.SelectMany(p => p));
    }

    public Retrieval Search(string text)
    {
        var corrected = SeparableVerbs.Join(speller.Correct(text));
        var query = new BooleanQuery();
        var concepts = new HashSet<string>();
        foreach (var (field, analyzer) in new[] { (LanguageDetector.Dutch, TopicAnalyzers.Dutch), (LanguageDetector.English, TopicAnalyzers.English) })
        {
            foreach (var token in TopicAnalyzers.Tokens(analyzer, corrected).Distinct())
            {
                var isConcept = ConceptSynonyms.Map.ContainsKey(token);
                if (isConcept)
                {
                    concepts.Add(token);
                }

                var boost = isConcept ? ConceptBoost : 1f;
                query.Add(new TermQuery(new Term(field, token)) { Boost = boost }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(SummaryField(field), token)) { Boost = boost * SummaryBoost }, Occur.SHOULD);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return new Retrieval([], concepts);
        }

        var scores = new Dictionary<string, double>();
        foreach (var hit in searcher.Search(query, 64).ScoreDocs)
        {
            var topic = searcher.Doc(hit.Doc).Get("topic");
            scores[topic] = scores.GetValueOrDefault(topic) + hit.Score;
        }

        var ranking = scores.Select(s => new TopicScore(s.Key, s.Value)).OrderByDescending(s => s.Score).ThenBy(s => s.Topic, StringComparer.Ordinal).ToList();
        return new Retrieval(ranking, concepts);
    }

    private static string SummaryField(string language) => language + "_summary";

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
