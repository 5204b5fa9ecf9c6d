using Participation.Initiatives.Classification;
using Participation.Initiatives.Routing;
using Xunit.Abstractions;

namespace Participation.Initiatives.Tests.Classification;

public sealed class KeywordThemeClassifierTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<Theme> Themes = DemoMunicipality.Themes;
    private readonly KeywordThemeClassifier classifier = new();

    [Fact]
    public async Task Explains_a_playground_by_its_keywords()
    {
        var result = await classifier.ClassifyAsync("Speeltuin opknappen", "De schommel is kapot.", Themes, CancellationToken.None);

        Assert.Equal("spelen", result.ThemeCode);
        Assert.Contains("speeltuin (title)", result.Explanation);
        Assert.Contains("schommel", result.Explanation);
        Assert.InRange(result.Confidence, 0.8, 1);
    }

    [Theory]
    [InlineData("Bomen", "groen")]
    [InlineData("boompje", "groen")]
    [InlineData("trees", "groen")]
    [InlineData("speeltuintjes", "spelen")]
    [InlineData("playgrounds", "spelen")]
    [InlineData("verkeersdrempels", "verkeer")]
    [InlineData("parkeerplaatsen", "verkeer")]
    [InlineData("parking", "verkeer")]
    [InlineData("lantaarnpalen", "veiligheid")]
    [InlineData("zwerfvuil", "afval")]
    [InlineData("recycle", "afval")]
    [InlineData("laadpalen", "verkeer")]
    [InlineData("afvalcontainers", "afval")]
    [InlineData("wijkfeest", "ontmoeting")]
    [InlineData("Buurthuis", "ontmoeting")]
    public void Recognises_dutch_and_english_word_forms_and_compounds(string word, string expected)
    {
        Assert.Equal(expected, classifier.Classify(word, "", Themes).ThemeCode);
    }

    [Theory]
    [InlineData("natuurlijk")]
    [InlineData("transport")]
    [InlineData("regels")]
    [InlineData("ideaal")]
    [InlineData("ouders")]
    public void Words_that_only_look_like_keywords_do_not_count(string word)
    {
        Assert.Null(classifier.Classify(word, "", Themes).ThemeCode);
    }

    [Fact]
    public void Nothing_recognisable_leaves_the_choice_to_the_front_office()
    {
        var result = classifier.Classify("Kortere wachttijd", "Voor een paspoort moet je weken wachten.", Themes);

        Assert.Null(result.ThemeCode);
        Assert.Equal(0, result.Confidence);
        Assert.Contains("front office", result.Explanation);
    }

    [Fact]
    public void Title_words_weigh_more_than_description_words()
    {
        var result = classifier.Classify("Zebrapad bij de speeltuin", "Kinderen steken over naar de speeltuin.", Themes);

        Assert.Equal("verkeer", result.ThemeCode);
        Assert.Contains("also spelen", result.Explanation);
    }

    [Fact]
    public void Chooses_only_among_the_themes_offered()
    {
        var offered = Themes.Where(t => t.Code != "spelen").ToList();

        var result = classifier.Classify("Speeltuin opknappen", "De schommel is kapot.", offered);

        Assert.Null(result.ThemeCode);
    }

    [Fact]
    public void Is_deterministic()
    {
        var first = classifier.Classify("Bankjes en bomen", "Een plek om samen te zitten onder de bomen.", Themes);
        var second = new KeywordThemeClassifier().Classify("Bankjes en bomen", "Een plek om samen te zitten onder de bomen.", Themes);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Reaches_at_least_85_percent_on_the_labelled_initiatives()
    {
        var wrong = new List<string>();
        foreach (var (title, description, theme) in LabelledInitiatives.All)
        {
            var result = classifier.Classify(title, description, Themes);
            if (result.ThemeCode != theme)
            {
                wrong.Add($"'{title}': expected {theme ?? "none"}, got {result.ThemeCode ?? "none"} ({result.Explanation})");
            }
        }

        var accuracy = 1 - ((double)wrong.Count / LabelledInitiatives.All.Count);
        output.WriteLine($"Accuracy {accuracy:P1} ({LabelledInitiatives.All.Count - wrong.Count}/{LabelledInitiatives.All.Count})");
        foreach (var line in wrong)
        {
            output.WriteLine(line);
        }

        Assert.True(accuracy >= 0.85, $"accuracy {accuracy:P1}:\n{string.Join('\n', wrong)}");
    }

    [Fact]
    public void Every_keyword_points_to_one_theme_only()
    {
        var owners = ThemeKeywords.ByTheme
            .SelectMany(theme => theme.Value.Select(spec => (Theme: theme.Key, Stem: string.Join(' ', KeywordStemmer.Words(spec.TrimStart('=')).Select(KeywordStemmer.Stem)))))
            .GroupBy(k => k.Stem)
            .Where(g => g.Select(k => k.Theme).Distinct().Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.Empty(owners);
    }
}
